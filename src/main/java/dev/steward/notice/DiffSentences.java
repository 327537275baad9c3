package dev.steward.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notice diff told as sentences a visitor reads ("We no longer ask for your name."): each element by its label,
 * never its key. Attributes that are prose (a name, a description) show before and after; attributes that hold keys
 * (the purposes an activity serves, a legal basis) are only named as changed.
 */
@Component
class DiffSentences {

    /** Attributes whose values are words a person can read. */
    private static final Set<String> PROSE = Set.of(
            "name",
            "label",
            "description",
            "consent",
            "service",
            "duration",
            "purpose",
            "thirdParty",
            "provider",
            "country",
            "statutoryMinimum",
            "consentValidity");

    /** The attribute that names an element, in the order tried. */
    private static final List<String> NAMES = List.of("label", "name", "thirdParty", "description");

    record Detail(
            String what, @Nullable String before, @Nullable String after) {}

    record Sentence(
            String kind,
            String text,
            List<Detail> details,
            @Nullable String also) {}

    /**
     * The sentences, and whether some element is named in the site's default language for want of a translation.
     */
    record Told(List<Sentence> sentences, boolean namesUntranslated) {

        /** Whether the page reads wholly in the reader's language: no fallback name, no stored wording shown. */
        boolean translated(boolean readerReadsDefault) {
            return readerReadsDefault
                    || (!namesUntranslated
                            && sentences.stream().allMatch(s -> s.details().isEmpty()));
        }
    }

    private final MessageSource messages;

    DiffSentences(MessageSource messages) {
        this.messages = messages;
    }

    /** The diff's changes as sentences, each element named by {@code names} from the name its version has. */
    List<Sentence> of(NoticeDiff diff, SiteFacts before, SiteFacts after, Locale locale, ChangeSentences.Names names) {
        return diff.changes().stream()
                .map(change -> sentence(
                        change,
                        label(change, names, after, before),
                        recorded(change, "removed".equals(change.kind()) ? before : after),
                        locale))
                .toList();
    }

    /**
     * Whether the change is of a field recorded without asking (a log file's city, a newsletter's opening): the
     * sentence says "we now record", not "we now ask for your If and when you read our newsletters".
     */
    static boolean recorded(NoticeDiff.Change change, SiteFacts version) {
        return "fields".equals(change.category())
                && !"changed".equals(change.kind())
                && "technical"
                        .equals(version.categories()
                                .getOrDefault("fields", Map.of())
                                .getOrDefault(change.key(), Map.of())
                                .get("type"));
    }

    private Sentence sentence(NoticeDiff.Change change, String label, boolean recorded, Locale locale) {
        String text = messages.getMessage(
                "diff." + change.category() + "." + change.kind() + (recorded ? ".recorded" : ""),
                new Object[] {label},
                locale);
        if (!change.kind().equals("changed")) {
            return new Sentence(change.kind(), text, List.of(), null);
        }
        List<Detail> details = new ArrayList<>();
        List<String> others = new ArrayList<>();
        change.attributes().forEach((name, attribute) -> {
            String what = messages.getMessage("diff.attribute." + name, null, name, locale);
            if (PROSE.contains(name)) {
                details.add(new Detail(what, attribute.before(), attribute.after()));
            } else {
                others.add(what);
            }
        });
        String also = others.isEmpty()
                ? null
                : messages.getMessage("diff.changedAlso", new Object[] {String.join(", ", others)}, locale);
        return new Sentence(change.kind(), text, details, also);
    }

    /** The element's own name, from the later version if it has it; its key only if it has no name at all. */
    private static String label(NoticeDiff.Change change, ChangeSentences.Names names, SiteFacts... versions) {
        for (SiteFacts version : versions) {
            Map<String, String> attributes = version.categories()
                    .getOrDefault(change.category(), Map.of())
                    .get(change.key());
            if (attributes != null) {
                for (String name : NAMES) {
                    if (attributes.get(name) != null) {
                        return names.name(change.category(), change.key(), attributes.get(name));
                    }
                }
            }
        }
        return change.key();
    }
}
