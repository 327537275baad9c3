package dev.steward.catalog;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Purposes by the names a visitor reads, for the pages and mails that name what a person consented to (the receipts
 * after a form, a confirmed subscription, a parent's confirmation, a confirmed change) rather than numbering them.
 */
@Component
public class PurposeNames {

    private final Catalogs catalogs;

    PurposeNames(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /**
     * The purposes' names as a page or mail in {@code language} shows them: where the catalog has no translation, in
     * the site's own language, marked as such (a purpose the catalog no longer declares, by its key).
     */
    public List<LocalizedText.Shown> shown(String site, List<String> purposes, String language) {
        Catalog catalog = catalogs.of(site);
        String fallback = catalog.site(site).orElseThrow().language();
        return purposes.stream()
                .map(key -> catalog.purpose(key)
                        .map(p -> p.name().shownIn(language, fallback))
                        .orElseGet(() -> new LocalizedText.Shown(key, null)))
                .toList();
    }
}
