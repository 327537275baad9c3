package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.MessageBundle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names the elements of a stored version (a purpose, a field, a recipient) in the reader's language. A version stores
 * each name in one language only, so the name is looked up in the catalog, and used only while the catalog still
 * words the element as the version did: a renamed or removed element keeps the stored name. Where the catalog has no
 * translation the site's default language shows, and {@link #untranslated()} says so, for the page's visible note.
 */
final class ElementNames {

    private final MessageBundle words = new MessageBundle("i18n/notice-changes");
    private final Catalog catalog;
    private final Site site;
    private final String language;
    private final Locale reader;
    private boolean untranslated;

    ElementNames(Catalog catalog, Site site, String language, Locale reader) {
        this.catalog = catalog;
        this.site = site;
        this.language = language;
        this.reader = reader;
    }

    /** Names for a reader of the language: in it where the site declares it, else in the site's default language. */
    static ElementNames forReader(Catalogs catalogs, String site, Locale locale) {
        Site found = catalogs.requireSite(site);
        String language = VisitorLanguages.declared(found).contains(locale.getLanguage())
                ? locale.getLanguage()
                : found.language();
        return new ElementNames(catalogs.of(site), found, language, locale);
    }

    /**
     * The names of the elements of two versions compared, a field told apart by its data category where another field
     * of either version has the same label: Olympus's contact form and its log files both collect a "City", and a
     * change named both "City" ("City (Contact details)", "City (Log-file data)").
     */
    ChangeSentences.Names distinctIn(SiteFacts before, SiteFacts after) {
        return (category, key, stored) -> {
            String name = name(category, key, stored);
            if (!"fields".equals(category) || !sharedLabel(key, stored, before, after)) {
                return name;
            }
            return categoryOf(key, after, before)
                    .map(categoryName -> words.get(reader, "field.inCategory", name, categoryName))
                    .orElse(name);
        };
    }

    private static boolean sharedLabel(String key, String label, SiteFacts... versions) {
        for (SiteFacts version : versions) {
            for (Map.Entry<String, Map<String, String>> field :
                    version.categories().getOrDefault("fields", Map.of()).entrySet()) {
                if (!field.getKey().equals(key) && label.equals(field.getValue().get("label"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The field's data category as the version stored it, named as the catalog names that category now. */
    private Optional<String> categoryOf(String field, SiteFacts... versions) {
        for (SiteFacts version : versions) {
            String category = version.categories()
                    .getOrDefault("fields", Map.of())
                    .getOrDefault(field, Map.of())
                    .get("category");
            if (category != null) {
                return catalog.dataCategories().stream()
                        .filter(declared -> declared.key().equals(category))
                        .findFirst()
                        .map(declared -> named(declared.name()));
            }
        }
        return Optional.empty();
    }

    private String named(LocalizedText text) {
        if (text.byLanguage().containsKey(language)) {
            return text.in(language);
        }
        untranslated |= !language.equals(site.language());
        return text.in(site.language());
    }

    /** The name of the element, given the name the stored version has for it. */
    String name(String category, String key, String stored) {
        Optional<LocalizedText> current =
                text(category, key).filter(text -> text.toString().equals(stored));
        if (current.isEmpty()) {
            untranslated |= !language.equals(site.language());
            return stored;
        }
        return named(current.get());
    }

    /** Whether some name was shown in the site's default language rather than the reader's. */
    boolean untranslated() {
        return untranslated;
    }

    private Optional<LocalizedText> text(String category, String key) {
        return switch (category) {
            case "purposes" -> catalog.purpose(key).map(purpose -> purpose.name());
            case "fields" -> catalog.field(key).map(field -> field.label());
            case "activities" -> catalog.activity(key).map(activity -> activity.name());
            case "recipients", "transfers" -> catalog.recipient(key).map(recipient -> recipient.name());
            case "retentionRules" -> catalog.retentionRule(key).map(rule -> rule.description());
            case "cookies" ->
                catalog.cookiesOf(site.key()).stream()
                        .filter(cookie -> cookie.key().equals(key) && cookie.name() == null)
                        .findFirst()
                        .map(cookie -> cookie.purpose());
            default -> Optional.empty();
        };
    }
}
