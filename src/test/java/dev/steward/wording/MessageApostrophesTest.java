package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Every message of the pages, the console and the errors, as the application's message source gives it: its
 * apostrophes shown once and its arguments filled in, whether or not it has any. WHY: a message without arguments
 * used to skip {@code MessageFormat} and showed its {@code ''} twice ("Each field''s value must be text."), and one with
 * arguments and a single apostrophe lost it and its arguments ("this sites texts … into {0}").
 */
@StewardTest
class MessageApostrophesTest {

    private static final Object[] ARGUMENTS = {1, 2, 3, 4, 5, 6};
    private static final Map<String, Locale> LANGUAGES =
            Map.of("", Locale.ENGLISH, "_de", Locale.GERMAN, "_ja", Locale.JAPANESE);

    @Autowired
    MessageSource messages;

    @Test
    void everyMessageShowsEachApostropheOnceAndFillsItsArguments() throws IOException {
        int checked = 0;
        for (String bundle : new String[] {"messages", "console", "errors"}) {
            for (Map.Entry<String, Locale> language : LANGUAGES.entrySet()) {
                String file = bundle + language.getKey() + ".properties";
                for (String key : keys(file).stringPropertyNames()) {
                    String shown = messages.getMessage(key, ARGUMENTS, language.getValue());
                    assertThat(shown)
                            .as("%s %s", file, key)
                            .doesNotContain("''")
                            .doesNotContainPattern("\\{\\d");
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
        assertThat(messages.getMessage("error.intake.field.invalid-format", null, Locale.ENGLISH))
                .isEqualTo("Each field's value must be text.");
        assertThat(messages.getMessage("layout.fallback", new Object[] {"German", "English"}, Locale.ENGLISH))
                .isEqualTo(
                        "Some of this site's texts have not been translated into German; they are shown in English.");
    }

    private static Properties keys(String file) throws IOException {
        Properties keys = new Properties();
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(MessageApostrophesTest.class.getResourceAsStream("/" + file), file),
                StandardCharsets.UTF_8)) {
            keys.load(reader);
        }
        return keys;
    }
}
