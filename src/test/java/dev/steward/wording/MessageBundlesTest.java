package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.Recipient;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every key of a set of messages exists in each bundle Steward ships (English, German, Japanese), so that no reader
 * silently gets English; and each message with arguments is a pattern {@link MessageFormat} can fill in its language.
 * A set is named by the prefix its keys share.
 */
class MessageBundlesTest {

    private static final Map<Locale, String> BUNDLES = Map.of(
            Locale.ENGLISH, "messages.properties",
            Locale.GERMAN, "messages_de.properties",
            Locale.JAPANESE, "messages_ja.properties");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rights.outcome.",
                "rights.period.",
                "rights.day.",
                "rights.country.",
                "rights.list.",
                "package.summary.",
                "access.",
                "basis.",
                "safeguard.",
                "country.",
                "page.error.",
                "center.transfer",
                "mail.rights.",
                "intake."
            })
    void everyKeyOfTheSetIsInEveryBundleAndFormatsInItsLanguage(String prefix) {
        assertSameKeys(BUNDLES, prefix);
    }

    /** The staff console has a bundle of its own ({@code console*.properties}), all of it in the three languages. */
    @Test
    void everyWordOfTheConsoleIsInEveryLanguageAndFormatsInIt() {
        assertSameKeys(
                Map.of(
                        Locale.ENGLISH, "console.properties",
                        Locale.GERMAN, "console_de.properties",
                        Locale.JAPANESE, "console_ja.properties"),
                "console.");
    }

    /** What is wrong with a broken evidence chain ({@code i18n/chain-problems*.properties}), on the console's page. */
    @Test
    void everyProblemOfABrokenChainIsInEveryLanguageAndFormatsInIt() {
        assertSameKeys(
                Map.of(
                        Locale.ENGLISH, "i18n/chain-problems.properties",
                        Locale.GERMAN, "i18n/chain-problems_de.properties",
                        Locale.JAPANESE, "i18n/chain-problems_ja.properties"),
                "chain.problem.");
    }

    /** The errors of the API and of every form ({@code errors*.properties}), all of them in the three languages. */
    @Test
    void everyErrorMessageIsInEveryLanguageAndFormatsInIt() {
        assertSameKeys(
                Map.of(
                        Locale.ENGLISH, "errors.properties",
                        Locale.GERMAN, "errors_de.properties",
                        Locale.JAPANESE, "errors_ja.properties"),
                "error.");
    }

    /**
     * Every legal basis and transfer safeguard Steward ships has its citation in the bundles, and the English one is
     * the code's, which published notices store: a notice in German or Japanese cites the law in its language.
     */
    @Test
    void everyCitationOfTheLawIsWordedInEveryLanguageAndTheEnglishIsTheCodes() {
        Properties english = load("messages.properties");
        for (LegalBasis basis : LegalBasis.values()) {
            assertThat(english.getProperty("basis.citation." + basis.key()))
                    .as(basis.key())
                    .isEqualTo(basis.citation());
        }
        for (Recipient.Safeguard safeguard : Recipient.Safeguard.values()) {
            assertThat(english.getProperty("safeguard."
                            + safeguard.name().toLowerCase(Locale.ROOT).replace('_', '-')))
                    .as(safeguard.name())
                    .isEqualTo(safeguard.citation());
        }
    }

    private static void assertSameKeys(Map<Locale, String> names, String prefix) {
        Map<Locale, Properties> bundles =
                names.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> load(e.getValue())));
        Set<String> keys = new TreeSet<>();
        bundles.values()
                .forEach(bundle -> bundle.stringPropertyNames().stream()
                        .filter(key -> key.startsWith(prefix))
                        .forEach(keys::add));
        assertThat(keys).as("keys starting with %s", prefix).isNotEmpty();

        List<String> problems = new ArrayList<>();
        bundles.forEach((locale, bundle) -> keys.forEach(key -> {
            String message = bundle.getProperty(key);
            if (message == null) {
                problems.add(locale + ": " + key + " is missing");
            } else if (message.contains("{")) {
                check(locale, key, message, problems);
            }
        }));
        assertThat(problems).isEmpty();
    }

    /** Filled with numbers and words as the code passes them, the pattern must leave no placeholder behind. */
    private static void check(Locale locale, String key, String message, List<String> problems) {
        try {
            Object[] arguments = {1, 2, 3, 4, 5};
            String filled = new MessageFormat(message, locale).format(arguments);
            if (filled.matches("(?s).*\\{\\d.*")) {
                problems.add(locale + ": " + key + " leaves a placeholder: " + filled);
            }
        } catch (IllegalArgumentException e) {
            problems.add(locale + ": " + key + " is not a valid pattern: " + e.getMessage());
        }
    }

    static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                MessageBundlesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
