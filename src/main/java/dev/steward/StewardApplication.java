package dev.steward;

import dev.steward.platform.CommandLine;
import java.io.PrintStream;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StewardApplication {

    private static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /** {@code java -jar steward.jar [COMMAND] [SETTINGS]}: without a command, starts the server. */
    public static void main(String[] args) {
        // Jakarta Mail 2.1 looks its StreamProvider up through the ServiceLoader for every part it writes, which in
        // a nested jar walks the jar's entries each time (jakartaee/mail-api#699): 88 % of a campaign's CPU. Naming
        // the provider makes it one class lookup (bench/README.md, campaign). An operator's own -D setting wins.
        System.getProperties().putIfAbsent(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
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
