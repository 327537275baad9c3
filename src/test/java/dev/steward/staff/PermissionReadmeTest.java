package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's permission matrix is the {@link Permission} matrix, written out: when they differ, this test fails and
 * leaves the table as it should read in {@code target/permission-matrix.md}.
 */
class PermissionReadmeTest {

    private static final String START = "<!-- permission-matrix: generated from dev.steward.staff.Permission -->\n";
    private static final String END = "<!-- /permission-matrix -->";

    @Test
    void theReadmeShowsTheMatrixAsTheCodeHasIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = table();
        Files.writeString(Path.of("target", "permission-matrix.md"), table);

        assertThat(readme).contains(START).contains(END);
        String shown = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END));
        assertThat(shown)
                .as("README.md's matrix; the current one is in target/permission-matrix.md")
                .isEqualTo(table);
    }

    static String table() {
        String header =
                "| Action | Administrator | Privacy officer | Support agent | Auditor | Integrator key | Metrics key "
                        + "| Limited to sites |\n|---|---|---|---|---|---|---|---|\n";
        return header
                + Arrays.stream(Permission.values())
                        .map(permission -> Stream.concat(
                                        Stream.concat(
                                                Stream.of(permission.action()),
                                                Arrays.stream(StaffRole.values())
                                                        .map(role -> mark(permission
                                                                .roles()
                                                                .contains(role)))),
                                        Stream.of(
                                                mark(permission.keys().contains(Caller.Kind.INTEGRATOR)),
                                                mark(permission.keys().contains(Caller.Kind.METRICS)),
                                                permission.reach().text()))
                                .collect(Collectors.joining(" | ", "| ", " |\n")))
                        .collect(Collectors.joining());
    }

    private static String mark(boolean granted) {
        return granted ? "yes" : "–";
    }
}
