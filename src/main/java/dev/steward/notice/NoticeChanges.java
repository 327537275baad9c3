package dev.steward.notice;

import dev.steward.catalog.Catalogs;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What changed between two published versions of a site's notice, for the people it concerns: in words, by
 * processing activity and by jurisdiction. Computed from the versions' stored facts, so it describes exactly what
 * was published.
 */
@Service
public class NoticeChanges {

    /** What a version states about itself rather than about the processing: it differs in every version. */
    private static final List<String> LABELLING =
            List.of("version", "effective", "lastModified", "significance", "title", "changeNoticePeriod");

    /** The activity attributes that name elements of other categories, each a list joined with ", ". */
    private static final Map<String, String> REFERENCES =
            Map.of("purposes", "purposes", "fields", "fields", "recipients", "recipients", "transfers", "recipients");

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final NoticeVersionDiffs diffs;
    private final JsonMapper json;

    NoticeChanges(Catalogs catalogs, PublishedNotices notices, NoticeVersionDiffs diffs, JsonMapper json) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.diffs = diffs;
        this.json = json;
    }

    /**
     * The change in words for a reader of the language ({@code locale}): elements are named in it where the site
     * declares it and the catalog translates them, else in the site's default language, which the change then says.
     */
    public NoticeChange between(String site, String from, String to, Locale locale) {
        ElementNames names = ElementNames.forReader(catalogs, site, locale);
        NoticeVersion later = notices.version(site, to);
        PublishedFacts before = diffs.facts(notices.version(site, from));
        PublishedFacts after = diffs.facts(later);
        List<NoticeDiff.Change> changes = before.site().changesTo(after.site());
        Set<String> activities = activitiesTouched(changes, before.site(), after.site());
        return new NoticeChange(
                site,
                from,
                to,
                later.effective(),
                new ChangeSentences(locale, names.distinctIn(before.site(), after.site()))
                        .of(changes, before.site(), after.site()),
                activities,
                activities.stream()
                        .filter(activity -> attribute(after.site(), "activities", activity, "consent") != null)
                        .collect(java.util.stream.Collectors.toSet()),
                jurisdictionsChanged(before, after),
                names.untranslated());
    }

    /**
     * Activities added, removed or changed, and those (before or after) that use a purpose, field, recipient,
     * transfer or retention rule that changed: their people are told.
     */
    private static Set<String> activitiesTouched(List<NoticeDiff.Change> changes, SiteFacts before, SiteFacts after) {
        Set<String> touched = new TreeSet<>();
        for (NoticeDiff.Change change : changes) {
            if (change.category().equals("activities")) {
                touched.add(change.key());
            }
        }
        for (SiteFacts facts : List.of(before, after)) {
            facts.categories().getOrDefault("activities", Map.of()).forEach((activity, attributes) -> {
                if (uses(attributes, changes)) {
                    touched.add(activity);
                }
            });
        }
        return touched;
    }

    private static boolean uses(Map<String, String> activity, List<NoticeDiff.Change> changes) {
        return changes.stream().anyMatch(change -> {
            if (change.category().equals("retentionRules")) {
                return change.key().equals(activity.get("retention"));
            }
            String attribute = REFERENCES.get(change.category());
            return attribute != null && elements(activity.get(attribute)).contains(change.key());
        });
    }

    private static Set<String> elements(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        Stream.of(list.split(", ")).map(key -> key.replace(" (voluntary)", "")).forEach(keys::add);
        return keys;
    }

    private static String attribute(SiteFacts facts, String category, String key, String name) {
        return facts.categories()
                .getOrDefault(category, Map.of())
                .getOrDefault(key, Map.of())
                .get(name);
    }

    /** Jurisdictions whose notice says something else now; one new in this version is changed for its people. */
    private Set<String> jurisdictionsChanged(PublishedFacts before, PublishedFacts after) {
        Set<String> changed = new TreeSet<>();
        after.regions().forEach((region, notice) -> {
            NoticeFacts earlier = before.regions().get(region);
            if (earlier == null || !Objects.equals(substance(earlier), substance(notice))) {
                changed.add(region);
            }
        });
        return changed;
    }

    private ObjectNode substance(NoticeFacts facts) {
        ObjectNode tree = json.valueToTree(facts);
        LABELLING.forEach(tree::remove);
        return tree;
    }
}
