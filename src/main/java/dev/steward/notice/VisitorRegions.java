package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The jurisdiction whose rules apply to a visitor, decided exactly as for the notice they read: an explicit region
 * first, then the country a CDN or proxy reports, then the browser's languages, else the site's default. Forms and
 * accounts use it so that a visitor is held to the notice they were shown.
 */
@Component
public class VisitorRegions {

    private final Catalogs catalogs;

    VisitorRegions(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** The jurisdiction key; an explicit region the site does not serve is refused as a field error, as for the
     * notice. */
    public String resolve(String site, @Nullable String requested, HttpServletRequest request) {
        Catalog catalog = catalogs.of(site);
        return Regions.resolve(catalog, catalog.site(site).orElseThrow(), requested, request);
    }
}
