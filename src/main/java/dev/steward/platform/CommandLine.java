package dev.steward.platform;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar steward.jar [COMMAND]} on picocli. The commands are the {@code @Command} classes of the modules
 * (a module's group such as {@code retention}, with its subcommands), found on the classpath without starting Spring:
 * {@code --help}, {@code --version}, {@code help} and usage errors answer at once and start nothing. Settings
 * ({@code --name=value} with a dotted name) may stand anywhere and go to Spring, the command's own options to picocli.
 *
 * <p>A thin bridge rather than picocli's Spring Boot starter: the starter runs picocli inside an application context
 * that is already started, which is exactly what {@code --help} must not do.
 */
public final class CommandLine {

    public static final int OK = 0;
    public static final int PROBLEMS_FOUND = 1;
    public static final int USAGE = 2;

    private static final Logger log = LoggerFactory.getLogger(CommandLine.class);

    private final Class<?> application;

    /** @param application the Spring Boot application, whose package holds the modules and their commands */
    public CommandLine(Class<?> application) {
        this.application = application;
    }

    /** The exit code, and whether the server was started (then the process must go on running). */
    public record Outcome(int exitCode, boolean serving) {}

    public Outcome execute(String[] args, PrintStream out, PrintStream err) {
        CommandContext context = new CommandContext(application, settings(args));
        picocli.CommandLine top = tree(context, out, err);
        try {
            int exitCode = top.execute(words(args));
            return new Outcome(exitCode, context.serving());
        } finally {
            top.getOut().flush();
            top.getErr().flush();
            context.close();
        }
    }

    private picocli.CommandLine tree(CommandContext context, PrintStream out, PrintStream err) {
        CommandFactory factory = new CommandFactory(context);
        picocli.CommandLine top = new picocli.CommandLine(StewardCommand.class, factory);
        commands().forEach(command -> top.addSubcommand(new picocli.CommandLine(command, factory)));
        top.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(oneLine(context))
                .setParameterExceptionHandler(usageError());
        return top;
    }

    /** The modules' top-level commands: every {@code @Command} class that is no other's subcommand. */
    private List<Class<?>> commands() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.setResourceLoader(new DefaultResourceLoader(application.getClassLoader()));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
        Set<Class<?>> found = new HashSet<>();
        scanner.findCandidateComponents(application.getPackageName())
                .forEach(candidate -> found.add(
                        ClassUtils.resolveClassName(candidate.getBeanClassName(), application.getClassLoader())));
        found.stream()
                .flatMap(command ->
                        Stream.of(command.getAnnotation(Command.class).subcommands()))
                .toList()
                .forEach(found::remove);
        found.remove(StewardCommand.class);
        return found.stream()
                .sorted(Comparator.comparing(
                        command -> command.getAnnotation(Command.class).name()))
                .toList();
    }

    private static IExecutionExceptionHandler oneLine(CommandContext context) {
        return (failure, command, parsed) -> {
            String name = command.getCommandSpec()
                    .qualifiedName()
                    .substring(StewardCommand.NAME.length())
                    .strip();
            // the kinds only, even in debug: the message may carry a value of the file or the database
            log.debug(
                    "{} failed: {} (cause: {})",
                    name,
                    failure.getClass().getName(),
                    NestedExceptionUtils.getMostSpecificCause(failure)
                            .getClass()
                            .getName());
            command.getErr()
                    .println(command.getColorScheme()
                            .errorText(name + ": " + Failures.describe(failure, context.databaseUrl())));
            return PROBLEMS_FOUND;
        };
    }

    /** The error, a suggestion for a misspelt command, the synopsis and where to read more: no page of help. */
    private static IParameterExceptionHandler usageError() {
        return (ParameterException error, String[] args) -> {
            picocli.CommandLine command = error.getCommandLine();
            PrintWriter err = command.getErr();
            err.println(command.getColorScheme().errorText(error.getMessage()));
            UnmatchedArgumentException.printSuggestions(error, err);
            err.print(command.getHelp().fullSynopsis());
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        };
    }

    /** The command's name and its own arguments and options, such as {@code ropa export --format csv}. */
    static String[] words(String[] args) {
        return Arrays.stream(args).filter(arg -> !isSetting(arg)).toArray(String[]::new);
    }

    /** The settings among the arguments, such as {@code --steward.catalog=shop.yml}, for Spring. */
    static String[] settings(String[] args) {
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
}
