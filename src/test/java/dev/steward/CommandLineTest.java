package dev.steward;

import static dev.steward.test.CatalogFixtures.SEVERAL_PROBLEMS;
import static dev.steward.test.CatalogFixtures.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** {@code java -jar steward.jar COMMAND}, run in-process through the same code path as {@code main}. */
class CommandLineTest {

    /** No PostgreSQL listens here: a command that tried to use the database would fail. */
    static final String NO_DATABASE = "--steward.database.url=jdbc:postgresql://127.0.0.1:1/none";

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = StewardApplication.command(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "examples/olympus-2018 | 1 site(s), 10 processing activities, 14 purposes, 3 forms, 5 recipients, 8 cookies",
                "examples/olympus-2017 | 1 site(s), 4 processing activities, 7 purposes, 0 forms, 3 recipients, 6 cookies",
                "examples/omron-2012   | 1 site(s), 8 processing activities, 12 purposes, 3 forms, 3 recipients, 4 cookies"
            })
    void catalogCheckSummarisesAValidCatalogWithoutTouchingTheDatabase(String catalog, String summary) {
        Run run = run("catalog", "check", catalog, NO_DATABASE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(catalog + ": valid catalog with " + summary + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void catalogCheckStartsNoEmbeddedDatabase(@TempDir Path dataDir) {
        Run run = run("catalog", "check", "examples/omron-2012", "--steward.data-dir=" + dataDir);

        assertThat(run.exitCode()).isZero();
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void catalogCheckListsEveryProblemAsFileLineColumnAndExitsWithOne() {
        Run run = run("catalog", "check", NO_DATABASE, SEVERAL_PROBLEMS);

        List<String> expected = new ArrayList<>();
        problemsOf(SEVERAL_PROBLEMS).forEach(problem -> expected.add(problem.toString()));
        expected.add("6 problems found");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactlyElementsOf(expected);
        assertThat(run.err().lines().limit(6))
                .allMatch(line -> line.matches(SEVERAL_PROBLEMS + ":\\d+:\\d+: .+"))
                .first()
                .isEqualTo(SEVERAL_PROBLEMS + ":15:17: site 'acme-shop' names unknown controller 'acme-corp'");
        assertThat(run.out()).isEmpty();
    }

    /** An empty file (the wrong path, a folder of unrelated YAML) is no catalog: it passed as one with 0 sites. */
    @Test
    void catalogCheckRefusesACatalogThatDeclaresNoSite(@TempDir Path folder) throws Exception {
        Path empty = Files.writeString(folder.resolve("empty.yml"), "");
        Path other = Files.writeString(folder.resolve("other.yml"), "purposes: []\n");

        Run emptyRun = run("catalog", "check", empty.toString(), NO_DATABASE);
        Run otherRun = run("catalog", "check", other.toString(), NO_DATABASE);

        assertThat(emptyRun.exitCode()).isEqualTo(1);
        assertThat(emptyRun.out()).isEmpty();
        assertThat(emptyRun.err().lines())
                .containsExactly(
                        empty + ":1:1: the catalog declares no site: a catalog needs a 'sites' section naming at"
                                + " least one",
                        "1 problem found");
        assertThat(otherRun.exitCode()).isEqualTo(1);
        assertThat(otherRun.err()).contains(other + ":1:1: the catalog declares no site");
    }

    /** A line indented unlike its neighbours is named as such, not only in the YAML parser's terms. */
    @Test
    void catalogCheckSaysThatALineIsIndentedWrongly(@TempDir Path folder) throws Exception {
        Path misindented = Files.writeString(folder.resolve("shop.yml"), "sites:\n  - key: shop\n   name: Shop\n");

        Run run = run("catalog", "check", misindented.toString(), NO_DATABASE);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines())
                .containsExactly(
                        misindented + ":3:4: YAML syntax: expected <block end>, but found '<block mapping start>': this"
                                + " line is indented differently from the lines before it in the same list or map",
                        "1 problem found");
    }

    @Test
    void catalogCheckWithoutAPathSaysWhatIsMissingWithTheSynopsisAndExitsWithTwo() {
        Run run = run("catalog", "check", NO_DATABASE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly(
                        "Missing required parameter: 'PATH'",
                        "Usage: java -jar steward.jar catalog check [-hV] PATH",
                        "Try 'java -jar steward.jar catalog check --help' for more information.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatSuggestsTheNearestCommand() {
        Run run = run("catalog", "chek", NO_DATABASE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("Unmatched argument at index 1: 'chek'")
                .contains("Did you mean: catalog check?")
                .contains("Try 'java -jar steward.jar catalog --help' for more information.");
    }

    @Test
    void aGroupNamedAloneListsItsCommandsAndExitsWithTwo() {
        Run run = run("retention", NO_DATABASE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Name one of its commands: plan, sweep.");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--help                 | Usage: java -jar steward.jar [-hV] [COMMAND]",
                "-h                     | Usage: java -jar steward.jar [-hV] [COMMAND]",
                "help                   | Usage: java -jar steward.jar [-hV] [COMMAND]",
                "help retention         | Usage: java -jar steward.jar retention [-hV] [COMMAND]",
                "catalog check --help   | Usage: java -jar steward.jar catalog check [-hV] PATH",
                "consent import --help  | Usage: java -jar steward.jar consent import [-hV] FILE",
                "retention sweep -h     | Usage: java -jar steward.jar retention sweep [-hV]",
                "serve --help           | Usage: java -jar steward.jar serve [-hV]"
            })
    void helpPrintsTheUsageWithTheExitCodesAndExitsWithZero(String words, String usage) {
        Run run = run(words.split(" "));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith(usage)
                .contains("-h, --help", "-V, --version")
                .contains("Exit codes:", "0   success", "2   usage error");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theTopLevelHelpListsEveryCommandOfTheProductAndNoBenchmarkCommand() {
        Run run = run("--help");

        assertThat(run.out())
                .contains(
                        "serve",
                        "catalog",
                        "consent",
                        "keys",
                        "ledger",
                        "restore-replay",
                        "retention",
                        "ropa",
                        "campaign",
                        "staff")
                .contains("statistics")
                .doesNotContain("bench");
    }

    @Test
    void versionNamesTheBuildAndTheJava() {
        Run run = run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Steward ").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void ropaExportPrintsTheRecordsOfProcessingAsCsv() {
        Run run = run("ropa", "export", "--format", "csv", NO_DATABASE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().findFirst())
                .hasValue("site,activity,activityName,controller,controllerContact,representatives,"
                        + "dataProtectionOfficer,purposes,legalBases,dataSubjects,dataCategories,recipients,"
                        + "thirdCountryTransfers,erasureTimeLimit,securityMeasures");
        assertThat(run.out().lines().skip(1))
                .hasSize(18)
                .anyMatch(row ->
                        row.startsWith("\"olympus-ims\",\"contact-form\",\"Contacting us through contact form\""))
                .anyMatch(row -> row.startsWith("\"omron-healthcare\",\"marketing-email\","));
    }

    @Test
    void ropaExportPrintsTheRecordsOfProcessingAsJson() {
        Run run = run("ropa", "export", "--format=json", NO_DATABASE);

        assertThat(run.exitCode()).isZero();
        JsonNode records = Json.read(run.out()).get("records");
        assertThat(Json.rows(records, "site", "activity"))
                .hasSize(18)
                .contains("olympus-ims | contact-form", "omron-healthcare | marketing-email");
    }

    @Test
    void ropaExportRefusesAnUnknownFormatAndExitsWithTwo() {
        Run run = run("ropa", "export", "--format", "xml", NO_DATABASE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("Invalid value for option '--format': expected one of [CSV, JSON] (case-insensitive) but"
                        + " was 'xml'")
                .contains("Usage: java -jar steward.jar ropa export [-hV] [--format=csv|json]");
        assertThat(run.out()).isEmpty();
    }
}
