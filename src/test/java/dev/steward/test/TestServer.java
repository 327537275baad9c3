package dev.steward.test;

import dev.steward.StewardApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Steward as {@code java -jar steward.jar SETTINGS} does, on a given database of the test PostgreSQL, for tests
 * the shared {@link StewardTest} context cannot serve: what happens at start, a second node on the same database,
 * commands. Callers close what they start.
 */
public final class TestServer {

    private TestServer() {}

    /** A server with a {@link TestClock} of its own. */
    public static ConfigurableApplicationContext start(String database, Path dataDir, String... settings) {
        return new SpringApplicationBuilder(StewardApplication.class, StewardTest.Clocks.class)
                .run(arguments(database, dataDir, settings));
    }

    /** A server with a {@link TestClock} of its own and these beans beside Steward's, by name (a test's stand-ins). */
    public static ConfigurableApplicationContext startWith(
            Map<String, Object> beans, String database, Path dataDir, String... settings) {
        return new SpringApplicationBuilder(StewardApplication.class, StewardTest.Clocks.class)
                .initializers(context -> beans.forEach(context.getBeanFactory()::registerSingleton))
                .run(arguments(database, dataDir, settings));
    }

    /** A server on the given clock: nodes of one cluster keep their clocks in step (NTP), and so do the tests'. */
    public static ConfigurableApplicationContext start(Clock clock, String database, Path dataDir, String... settings) {
        return new SpringApplicationBuilder(StewardApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(arguments(database, dataDir, settings));
    }

    /** Runs {@code java -jar steward.jar WORDS SETTINGS}, answering the exit code and what it printed. */
    public static Run command(String database, Path dataDir, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = Stream.concat(
                        Stream.of(words),
                        Stream.of(arguments(database, dataDir, "--steward.catalog=" + StewardTest.CATALOGS)))
                .filter(arg -> !arg.startsWith("--server.port"))
                .toArray(String[]::new);
        int exit = StewardApplication.command(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Run(int exit, String out, String err) {}

    /** A client for the server the context runs. */
    public static Http http(ConfigurableApplicationContext context) {
        return new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static String[] arguments(String database, Path dataDir, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--steward.database.url=" + database,
                "--steward.database.user=" + TestDatabase.user(),
                "--steward.data-dir=" + dataDir,
                "--steward.admin-password=" + StewardTest.ADMIN_PASSWORD,
                // a context started here initialises logging again, for the whole JVM: the shared contexts' tests
                // that run after it would have GreenMail name their people's addresses (StewardTest's setting)
                "--logging.level.com.icegreen.greenmail.user.UserManager=WARN"));
        if (TestDatabase.password() != null) {
            args.add("--steward.database.password=" + TestDatabase.password());
        }
        args.addAll(List.of(settings));
        return args.toArray(String[]::new);
    }
}
