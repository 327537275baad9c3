package dev.steward;

import dev.steward.platform.CommandLine;
import java.io.PrintStream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StewardApplication {

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            System.exit(command(args, System.out, System.err));
        }
        new SpringApplicationBuilder(StewardApplication.class).run(args);
    }

    /**
     * Runs a command such as {@code catalog check PATH} and answers its exit code. Commands run in a context
     * without a web server that creates only the beans the command needs, so one that needs no database starts
     * none.
     */
    public static int command(String[] args, PrintStream out, PrintStream err) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StewardApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(CommandLine::createBeansOnDemand)
                .profiles("cli")
                .logStartupInfo(false)
                .run(CommandLine.settings(args))) {
            return new CommandLine(context).run(CommandLine.words(args), out, err);
        }
    }
}
