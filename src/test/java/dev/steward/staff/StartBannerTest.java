package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.StewardApplication;
import dev.steward.test.Http;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With structured (JSON) logs the start banner is one log event with the public address, and a generated first
 * password never enters the log: it is in a file only Steward's user can read. (The tests' logback configuration
 * keeps the plain format; ServeJarIT reads the real ECS JSON of the packaged jar.)
 */
@ExtendWith(OutputCaptureExtension.class)
class StartBannerTest {

    @TempDir
    Path dataDir;

    @Test
    void inJsonLogsTheBannerIsAnEventAndTheGeneratedPasswordGoesToAPrivateFile(CapturedOutput output) throws Exception {
        String[] settings = {
            "--server.port=0",
            "--steward.database.url=" + TestDatabase.newDatabase(),
            "--steward.database.user=" + TestDatabase.user(),
            "--steward.database.password=" + (TestDatabase.password() == null ? "" : TestDatabase.password()),
            "--steward.data-dir=" + dataDir,
            "--steward.public-url=https://privacy.example.com/",
            "--logging.structured.format.console=ecs"
        };
        try (ConfigurableApplicationContext server =
                new SpringApplicationBuilder(StewardApplication.class).run(settings)) {
            Path file = dataDir.resolve(StartBanner.PASSWORD_FILE);
            String password = Files.readString(file).strip();

            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(password).hasSizeGreaterThan(20);
            assertThat(output.getOut())
                    .doesNotContain(password)
                    .doesNotContain("======")
                    .contains("Steward is running at https://privacy.example.com/ (staff console"
                            + " https://privacy.example.com/admin); sign in as user 'admin' with the generated password in "
                            + file.toAbsolutePath()
                            + " (readable by Steward's user only; delete the file once you have signed in)");
            // an https public address puts the server in production mode: the test reaches it as a TLS proxy on
            // this machine would
            String[] overTls = Stream.concat(
                            Arrays.stream(Http.basic("admin", password)), Stream.of("X-Forwarded-Proto", "https"))
                    .toArray(String[]::new);
            assertThat(TestServer.http(server)
                            .get("/api/v1/admin/staff", overTls)
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
