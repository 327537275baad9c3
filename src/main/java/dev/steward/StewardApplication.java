package dev.steward;

import dev.steward.platform.CommandLine;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StewardApplication {

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            System.exit(runCommand(args));
        }
        new SpringApplicationBuilder(StewardApplication.class).run(args);
    }

    /** Commands run in a context without a web server that creates only the beans the command needs. */
    private static int runCommand(String[] args) {
        String[] words = CommandLine.words(args);
        String[] options = java.util.Arrays.copyOfRange(args, words.length, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StewardApplication.class)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .profiles("cli")
                .logStartupInfo(false)
                .run(options)) {
            return new CommandLine(context).run(words, System.out, System.err);
        }
    }
}
