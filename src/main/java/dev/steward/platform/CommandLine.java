package dev.steward.platform;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;

/** Finds the command named on the command line among the {@link Command} beans and runs it. */
public final class CommandLine {

    private final ConfigurableApplicationContext context;

    public CommandLine(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Whether the arguments name a command rather than only set options for the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** The command's name and its own arguments and options, such as {@code ropa export --format csv}. */
    public static String[] words(String[] args) {
        return Arrays.stream(args).filter(arg -> !isSetting(arg)).toArray(String[]::new);
    }

    /** The settings among the arguments, such as {@code --steward.catalog=shop.yml}, for the command's context. */
    public static String[] settings(String[] args) {
        return Arrays.stream(args).filter(CommandLine::isSetting).toArray(String[]::new);
    }

    /**
     * Settings are written as for the server, {@code --name=value} with a dotted name; a command's own options are
     * not dotted ({@code --format csv}), so the two can be mixed in any order.
     */
    private static boolean isSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 0 && arg.substring(0, equals).contains(".");
    }

    /**
     * Makes every bean of a command's context lazy. Spring Boot's lazy initialization leaves infrastructure beans
     * eager, and among them Spring Modulith's event publication registry would start the database even for a
     * command that never uses it.
     */
    public static void createBeansOnDemand(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(factory -> {
            for (String name : factory.getBeanDefinitionNames()) {
                if (factory.getBeanDefinition(name) instanceof AbstractBeanDefinition definition
                        && definition.getLazyInit() == null) {
                    definition.setLazyInit(true);
                }
            }
        });
    }

    public int run(String[] words, PrintStream out, PrintStream err) {
        Map<String, String> beansByName = commands();
        String line = String.join(" ", words);
        String match = longestPrefix(beansByName, line);
        if (match == null) {
            err.println("Unknown command: " + line);
            printUsage(err);
            return 2;
        }
        CliCommand command = context.getBean(beansByName.get(match), CliCommand.class);
        List<String> arguments = List.of(words).subList(match.split(" ").length, words.length);
        return command.run(arguments, out, err);
    }

    private @Nullable String longestPrefix(Map<String, String> commands, String line) {
        String best = null;
        for (String name : commands.keySet()) {
            boolean matches = line.equals(name) || line.startsWith(name + " ");
            if (matches && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best;
    }

    private Map<String, String> commands() {
        Map<String, String> commands = new TreeMap<>();
        for (String bean : context.getBeanNamesForAnnotation(Command.class)) {
            commands.put(context.findAnnotationOnBean(bean, Command.class).name(), bean);
        }
        return commands;
    }

    private void printUsage(PrintStream err) {
        err.println("Commands:");
        for (String bean : context.getBeanNamesForAnnotation(Command.class)) {
            err.println("  java -jar steward.jar "
                    + context.findAnnotationOnBean(bean, Command.class).usage());
        }
    }
}
