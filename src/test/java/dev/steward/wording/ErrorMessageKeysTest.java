package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key the code words a field error with exists in each language's bundle, and no field error is built
 * from a sentence instead of a key: read from the sources, so that an error added without its words fails here rather
 * than showing a key to a German or Japanese reader.
 */
class ErrorMessageKeysTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** A key literal of the error bundle, wherever the code names one (a ternary, an exception's reason). */
    private static final Pattern ERROR_KEY = Pattern.compile("\"(error\\.[A-Za-z0-9.-]*[A-Za-z0-9-])\"");

    /** The message argument of {@code FieldError.of(field, code, message, …)} when it is a literal. */
    private static final Pattern LITERAL_MESSAGE =
            Pattern.compile("FieldError\\.of\\(\\s*[^,;]+?,\\s*[^,;]+?,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"(?=\\s*[,)])");

    private static final List<String> LANGUAGES = List.of("", "_de", "_ja");

    @Test
    void everyErrorKeyInTheCodeIsInEveryLanguage() {
        String code = sources();
        Set<String> keys = new TreeSet<>();
        Matcher key = ERROR_KEY.matcher(code);
        while (key.find()) {
            keys.add(key.group(1));
        }
        assertThat(keys).hasSizeGreaterThan(150);

        List<String> missing = new ArrayList<>();
        for (String language : LANGUAGES) {
            Properties bundle = MessageBundlesTest.load("errors" + language + ".properties");
            keys.stream().filter(k -> !bundle.containsKey(k)).forEach(k -> missing.add("errors" + language + ": " + k));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyFieldErrorIsWordedByAKeyOfTheBundlesNotBySentence() {
        String code = sources();
        Properties all = new Properties();
        for (String bundle : List.of("errors", "messages", "console")) {
            all.putAll(MessageBundlesTest.load(bundle + ".properties"));
        }
        List<String> literals = new ArrayList<>();
        Matcher call = LITERAL_MESSAGE.matcher(code);
        while (call.find()) {
            literals.add(call.group(1));
        }
        assertThat(literals).hasSizeGreaterThan(150);
        assertThat(literals).allSatisfy(message -> assertThat(all).containsKey(message));
    }

    private static String sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
