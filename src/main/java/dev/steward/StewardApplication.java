package dev.steward;

import dev.steward.platform.CommandLine;
import java.io.PrintStream;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StewardApplication {

    /** {@code java -jar steward.jar [COMMAND] [SETTINGS]}: without a command, starts the server. */
    public static void main(String[] args) {
        CommandLine.Outcome outcome = new CommandLine(StewardApplication.class).execute(args, System.out, System.err);
        if (!outcome.serving()) {
            System.exit(outcome.exitCode());
        }
    }

    /** Runs a command such as {@code catalog check PATH} as {@link #main} does, and answers its exit code. */
    public static int command(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(StewardApplication.class).execute(args, out, err).exitCode();
    }
}
