package dev.steward.wording;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Recipient;
import dev.steward.catalog.RetentionRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * The words of the machine that a person must never read: raw ISO timestamps, the catalog's keys, the code's enum
 * constants and sentences Java strings together from field names.
 */
public final class MachineWords {

    private static final Pattern ISO_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern SHOUTED = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");

    /** "fields name removed", "purposes newsletter added": a diff's category, a key and a verb. */
    private static final Pattern KEYED_SENTENCE =
            Pattern.compile("\\b(fields?|purposes?|activities|recipients?|transfers?|cookies?|retention) [\\w-]+ "
                    + "(added|removed|changed)\\b");

    private final Set<String> keys;
    private final Set<String> enumNames;

    private MachineWords(Set<String> keys, Set<String> enumNames) {
        this.keys = keys;
        this.enumNames = enumNames;
    }

    public static MachineWords of(Catalogs catalogs) {
        return new MachineWords(catalogKeys(catalogs), enumConstants());
    }

    /** What in the text is a machine word, each with why; empty when the text is fit for a person. */
    public List<String> in(String text) {
        String words = URL.matcher(text).replaceAll(" ");
        List<String> found = new ArrayList<>();
        matches(ISO_TIMESTAMP, words).forEach(m -> found.add("ISO timestamp '" + m + "'"));
        matches(KEYED_SENTENCE, words).forEach(m -> found.add("keyed sentence '" + m + "'"));
        keys.stream()
                .filter(key -> Pattern.compile("(?<![\\w-])" + Pattern.quote(key) + "(?![\\w-])")
                        .matcher(words)
                        .find())
                .forEach(key -> found.add("catalog key '" + key + "'"));
        matches(SHOUTED, words).stream()
                .filter(enumNames::contains)
                .distinct()
                .forEach(name -> found.add("enum name '" + name + "'"));
        return found;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /**
     * The keys a person could not take for a word: hyphenated or camelCase ones ({@code gdpr-6-1-a},
     * {@code companyName}); a key that is a plain word ({@code email}) may well be the right word in a sentence.
     */
    private static Set<String> catalogKeys(Catalogs catalogs) {
        Set<String> keys = new TreeSet<>();
        List<String> names = new ArrayList<>();
        for (Catalog catalog : catalogs.all()) {
            var content = catalog.content();
            content.purposes().forEach(p -> names.addAll(p.name().byLanguage().values()));
            content.activities().forEach(a -> names.addAll(a.name().byLanguage().values()));
            content.purposes().stream().map(Purpose::key).forEach(keys::add);
            content.activities().stream().map(ProcessingActivity::key).forEach(keys::add);
            content.recipients().stream().map(Recipient::key).forEach(keys::add);
            content.retentionRules().stream().map(RetentionRule::key).forEach(keys::add);
            content.dataCategories().stream().map(DataCategory::key).forEach(keys::add);
            content.dataCategories().stream()
                    .flatMap(c -> c.fields().stream())
                    .map(DataCategory.Field::key)
                    .forEach(keys::add);
        }
        Arrays.stream(LegalBasis.values()).map(LegalBasis::key).forEach(keys::add);
        Stream.of("strictly-necessary", "web-beacon", "local-storage").forEach(keys::add);
        // a key its element's own name spells out ("your customer-service inquiries") is a word there
        return keys.stream()
                .filter(key -> key.contains("-") || key.matches(".*[a-z][A-Z].*"))
                .filter(key -> names.stream().noneMatch(name -> name.contains(key)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Every enum constant of Steward's code that could not pass for prose: with an underscore or of five letters or
     * more. Short ones ({@code GDPR}, {@code EU}) are the abbreviations a notice rightly uses.
     */
    private static Set<String> enumConstants() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return "java.lang.Enum".equals(definition.getMetadata().getSuperClassName());
            }
        };
        scanner.addIncludeFilter((reader, factory) ->
                "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
        Set<String> names = new TreeSet<>();
        scanner.findCandidateComponents("dev.steward").forEach(definition -> {
            Class<?> type =
                    ClassUtils.resolveClassName(definition.getBeanClassName(), MachineWords.class.getClassLoader());
            Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .filter(name -> name.contains("_") || name.length() >= 5)
                    .forEach(names::add);
        });
        return names;
    }
}
