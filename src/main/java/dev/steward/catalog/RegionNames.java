package dev.steward.catalog;

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
}
