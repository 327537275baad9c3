package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.CommandLineTest.Run;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile or broken input to the command line: each gets one line saying what is wrong (for a catalog, with its
 * file:line:column) and exit 1, never a stack trace, a hang or an exhausted heap.
 */
class CommandLineBadInputTest {

    private static final String NO_DATABASE = CommandLineTest.NO_DATABASE;

    @TempDir
    Path dir;

    @Test
    void aBillionLaughsAliasBombIsRefusedAtItsPlace() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append(
                    "a%d: &a%d [%s]\n".formatted(level, level, String.join(", ", Collections.nCopies(9, previous))));
        }
        Path bomb = write("bomb.yml", yaml.toString());

        assertRefused(bomb, "^bomb.yml:\\d+:\\d+: more than 50 aliases to lists or maps; .*alias bomb.*");
    }

    @Test
    void fewerAliasesThatStillMultiplyAreRefusedBeforeBinding() throws IOException {
        StringBuilder yaml = new StringBuilder("l0: &l0 [\"x\", \"x\"]\n");
        for (int level = 1; level <= 24; level++) {
            yaml.append("l%d: &l%d [*l%d, *l%d]\n".formatted(level, level, level - 1, level - 1));
        }
        Path doubling = write("doubling.yml", yaml.toString());

        assertRefused(doubling, "^doubling.yml:\\d+:\\d+: its aliases expand to more than 200000 values; .*");
    }

    @Test
    void anAliasInsideWhatItNamesIsRefused() throws IOException {
        Path loop = write("loop.yml", "sites: &loop\n  - *loop\n");

        assertRefused(loop, "^loop.yml:\\d+:\\d+: an alias refers to a list or map that contains it$");
    }

    @Test
    void twentyThousandLevelsOfNestingAreRefused() throws IOException {
        Path deep = write("deep.yml", "sites: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");

        assertRefused(deep, "^deep.yml:1:\\d+: nested more than 50 levels deep$");
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingItAll() throws IOException {
        Path huge = dir.resolve("huge.yml");
        try (Writer writer = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
            writer.write("sites:\n");
            String entry = "  - key: site-with-a-rather-long-key-to-fill-the-file\n";
            for (long written = 0; written < 64L * 1024 * 1024; written += entry.length()) {
                writer.write(entry);
            }
        }

        assertRefused(huge, "^huge.yml:\\d+:\\d+: the file is larger than 3 MB of text; .*");
    }

    private void assertRefused(Path file, String line) {
        Run run = CommandLineTest.run("catalog", "check", file.toString(), NO_DATABASE);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().map(error -> error.replace(dir + "/", "")))
                .hasSize(2)
                .first()
                .asString()
                .matches(line);
        assertThat(run.err()).endsWith("1 problem found" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    static Stream<Arguments> commandsThatNeedTheDatabase() {
        return Stream.of(
                Arguments.of((Object) new String[] {"retention", "sweep"}),
                Arguments.of((Object) new String[] {"retention", "plan"}),
                Arguments.of((Object) new String[] {"ledger", "verify"}),
                Arguments.of((Object) new String[] {"keys", "rotate"}),
                Arguments.of((Object) new String[] {"staff", "reset-password", "USER"}),
                Arguments.of((Object) new String[] {"restore-replay"}),
                Arguments.of((Object) new String[] {"statistics", "export"}),
                Arguments.of((Object) new String[] {"consent", "import", "FILE"}));
    }

    @ParameterizedTest
    @MethodSource("commandsThatNeedTheDatabase")
    void anUnreachableDatabaseIsOneLineAndExitOne(String[] words) throws IOException {
        Path csv = write("consents.csv", "site,email,purpose,action,occurred_at\n");
        String[] args = Stream.concat(
                        Stream.of(words)
                                .map(word ->
                                        word.equals("FILE") ? csv.toString() : word.equals("USER") ? "admin" : word),
                        Stream.of(NO_DATABASE, "--steward.data-dir=" + dir.resolve("data")))
                .toArray(String[]::new);

        Run run = CommandLineTest.run(args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith(String.join(" ", words).replace(" FILE", "").replace(" USER", "")
                        + ": cannot reach the database at jdbc:postgresql://127.0.0.1:1/none: Connection to"
                        + " 127.0.0.1:1 refused")
                .endsWith("Check STEWARD_DATABASE_URL, STEWARD_DATABASE_USER and STEWARD_DATABASE_PASSWORD.");
        assertThat(run.out()).doesNotContain("Exception", "\tat ");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
