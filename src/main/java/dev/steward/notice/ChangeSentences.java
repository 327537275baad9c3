package dev.steward.notice;

import dev.steward.platform.MessageBundle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says in words what a change of the notice did, one sentence per element added, removed or changed ("We no longer
 * ask for your Phone number."), naming elements by their labels in the reader's language, never by their catalog keys. The wording is in
 * {@code i18n/notice-changes*.properties}.
 */
final class ChangeSentences {

    /** The attribute that names an element of each category, as a person reads it. */
    private static final Map<String, List<String>> NAMES = Map.of(
            "purposes", List.of("name"),
            "fields", List.of("label"),
            "activities", List.of("name"),
            "recipients", List.of("name"),
            "transfers", List.of("thirdParty"),
            "retentionRules", List.of("description", "rule"),
            "cookies", List.of("name", "purpose"));

    private final MessageBundle messages = new MessageBundle("i18n/notice-changes");
    private final Locale locale;
    private final Names names;

    /** Names an element in the reader's language, given the name its stored version has. */
    @FunctionalInterface
    interface Names {
        String name(String category, String key, String stored);
    }

    ChangeSentences(Locale locale, Names names) {
        this.locale = locale;
        this.names = names;
    }

    List<String> of(List<NoticeDiff.Change> changes, SiteFacts before, SiteFacts after) {
        return changes.stream()
                .map(change -> sentence(change, "removed".equals(change.kind()) ? before : after))
                .toList();
    }

    private String sentence(NoticeDiff.Change change, SiteFacts facts) {
        String name = nameOf(change.category(), change.key(), facts);
        String code = change.category() + "." + change.kind();
        if (!"changed".equals(change.kind())) {
            return messages.get(locale, code + (DiffSentences.recorded(change, facts) ? ".recorded" : ""), name);
        }
        String what = change.attributes().keySet().stream()
                .map(attribute ->
                        messages.getOr(locale, "attribute." + change.category() + "." + attribute, "attribute.other"))
                .distinct()
                .collect(Collectors.joining(messages.get(locale, "and")));
        return messages.get(locale, code, name, what);
    }

    private String nameOf(String category, String key, SiteFacts facts) {
        Map<String, String> attributes =
                facts.categories().getOrDefault(category, Map.of()).getOrDefault(key, Map.of());
        return NAMES.getOrDefault(category, List.of()).stream()
                .map(attributes::get)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .map(stored -> names.name(category, key, stored))
                .orElse(key);
    }
}
