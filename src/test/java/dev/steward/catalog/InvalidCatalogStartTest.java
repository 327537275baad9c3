package dev.steward.catalog;

import static dev.steward.test.CatalogFixtures.SEVERAL_PROBLEMS;
import static dev.steward.test.CatalogFixtures.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

@ExtendWith(OutputCaptureExtension.class)
class InvalidCatalogStartTest {

    @Test
    void theServerRefusesToStartOnAnInvalidCatalogAndPrintsEveryProblem(@TempDir Path dataDir, CapturedOutput output) {
        List<CatalogProblem> problems = problemsOf(SEVERAL_PROBLEMS);

        Throwable failure = catchThrowable(
                () -> TestServer.start(TestDatabase.newDatabase(), dataDir, "--steward.catalog=" + SEVERAL_PROBLEMS)
                        .close());

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOfSatisfying(
                        InvalidCatalogException.class,
                        invalid -> assertThat(invalid.problems()).hasSize(6).isEqualTo(problems));
        String report = output.getAll().substring(output.getAll().indexOf("APPLICATION FAILED TO START"));
        assertThat(report)
                .contains(problems.stream()
                        .map(CatalogProblem::toString)
                        .collect(Collectors.joining("\n", "The catalog has 6 problems:\n", "\n")))
                .contains("'java -jar steward.jar catalog check PATH' checks a catalog without starting the server.")
                .doesNotContain("\tat ");
    }
}
