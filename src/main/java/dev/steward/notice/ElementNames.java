package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import java.util.Locale;
import java.util.Optional;

/**
 * Names the elements of a stored version (a purpose, a field, a recipient) in the reader's language. A version stores
 * each name in one language only, so the name is looked up in the catalog, and used only while the catalog still
 * words the element as the version did: a renamed or removed element keeps the stored name. Where the catalog has no
 * translation the site's default language shows, and {@link #untranslated()} says so, for the page's visible note.
 */
final class ElementNames {

    private final Catalog catalog;
    private final Site site;
    private final String language;
    private boolean untranslated;

    ElementNames(Catalog catalog, Site site, String language) {
        this.catalog = catalog;
        this.site = site;
        this.language = language;
    }

    /** Names for a reader of the language: in it where the site declares it, else in the site's default language. */
    static ElementNames forReader(Catalogs catalogs, String site, Locale locale) {
        Site found = catalogs.requireSite(site);
        String language = VisitorLanguages.declared(found).contains(locale.getLanguage())
                ? locale.getLanguage()
                : found.language();
        return new ElementNames(catalogs.of(site), found, language);
    }

    /** The name of the element, given the name the stored version has for it. */
    String name(String category, String key, String stored) {
        Optional<LocalizedText> current =
                text(category, key).filter(text -> text.toString().equals(stored));
        if (current.isEmpty()) {
            untranslated |= !language.equals(site.language());
            return stored;
        }
        LocalizedText text = current.get();
        if (text.byLanguage().containsKey(language)) {
            return text.in(language);
        }
        untranslated |= !language.equals(site.language());
        return text.in(site.language());
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
