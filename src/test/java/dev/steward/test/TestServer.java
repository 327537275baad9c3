package dev.steward.test;

import dev.steward.StewardApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Steward as {@code java -jar steward.jar SETTINGS} does, on a given database of the test PostgreSQL and with
 * a {@link TestClock}, for tests about what happens at start: publishing, and refusing to start. The shared
 * {@link StewardTest} context cannot show either. Callers close what they start.
 */
public final class TestServer {

    private TestServer() {}

    public static ConfigurableApplicationContext start(String database, Path dataDir, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--steward.database.url=" + database,
                "--steward.database.user=" + TestDatabase.user(),
                "--steward.data-dir=" + dataDir,
                "--steward.admin-password=" + StewardTest.ADMIN_PASSWORD));
        if (TestDatabase.password() != null) {
            args.add("--steward.database.password=" + TestDatabase.password());
        }
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(StewardApplication.class, StewardTest.Clocks.class)
                .run(args.toArray(String[]::new));
    }

    /** A client for the server the context runs. */
    public static Http http(ConfigurableApplicationContext context) {
        return new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }
}
