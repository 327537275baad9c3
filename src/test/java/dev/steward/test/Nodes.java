package dev.steward.test;

import dev.steward.StewardApplication;
import dev.steward.platform.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts further Steward processes in the test JVM: a second node on the same database, or a command-line run. */
public final class Nodes {

    private Nodes() {}

    /**
     * A full node with a web server on a free port, on the given clock: nodes of one cluster keep their clocks in step
     * (NTP), and so do the test's.
     */
    public static ConfigurableApplicationContext server(Map<String, String> properties, Clock clock) {
        List<String> arguments = arguments(properties);
        arguments.add("--server.port=0");
        return new SpringApplicationBuilder(StewardApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(arguments.toArray(String[]::new));
    }

    /** Runs a command as {@code java -jar steward.jar WORDS --OPTIONS} would, answering its exit code and output. */
    public static Run command(Map<String, String> properties, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StewardApplication.class)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .profiles("cli")
                .run(arguments(properties).toArray(String[]::new))) {
            exit = new CommandLine(context)
                    .run(
                            words,
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Run(int exit, String out, String err) {}

    private static List<String> arguments(Map<String, String> properties) {
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--steward.database.user=" + TestDatabase.user());
        if (TestDatabase.password() != null) {
            arguments.add("--steward.database.password=" + TestDatabase.password());
        }
        return arguments;
    }
}
