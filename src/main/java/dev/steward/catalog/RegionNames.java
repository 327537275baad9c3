package dev.steward.catalog;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidChoiceException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A site's jurisdiction by the name its catalog gives it ("European Union", "Japan"), in a reader's language, for the
 * pages that let a visitor choose another region: they showed the catalog's keys ("JP EU US"). Templates call it as
 * {@code @regionNames}.
 */
@Component
public class RegionNames {

    private final Catalogs catalogs;

    RegionNames(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** The jurisdiction's name, marked with its language where it is shown in the site's default; else the key. */
    public LocalizedText.Shown of(String site, String jurisdiction, Locale language) {
        return catalogs.site(site)
                .flatMap(declared -> catalogs.of(site)
                        .jurisdiction(jurisdiction)
                        .map(found -> found.name().shownIn(language.getLanguage(), declared.language())))
                .orElseGet(() -> new LocalizedText.Shown(jurisdiction, null));
    }

    /**
     * The field error for a region the site does not serve ({@code ?region=XX}), naming the ones it does as the
     * reader knows them ("Japan, European Union"), in the language of the request being served where the catalog has
     * it; it listed their keys ("JP, EU"). A page links each of them, so the visitor goes on from there.
     */
    public static InvalidChoiceException notServed(Catalog catalog, Site site) {
        String language = VisitorLanguages.of(site);
        List<InvalidChoiceException.Choice> served = catalog.jurisdictionsOf(site).stream()
                .map(jurisdiction -> {
                    LocalizedText.Shown name = jurisdiction.name().shownIn(language, site.language());
                    return new InvalidChoiceException.Choice(jurisdiction.key(), name.text(), name.lang());
                })
                .toList();
        List<String> names =
                served.stream().map(InvalidChoiceException.Choice::label).toList();
        return new InvalidChoiceException(
                FieldError.of("region", "invalid-option", "error.rights.region.invalid-option", names),
                "region",
                served);
    }
}
