package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Countries;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.RegionNames;
import dev.steward.catalog.Site;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides which region's notice a visitor sees: {@code ?region=} when given; otherwise the country a CDN or proxy
 * reports, then the region of the visitor's preferred languages; otherwise the site's default. A country maps to
 * the site's jurisdiction that lists it, else to the one applying its law (the EEA and the United Kingdom to the GDPR
 * one, Japan to the APPI one, the United States to the US one), else to the jurisdiction the site names for all other
 * countries ({@code otherCountries}).
 */
final class Regions {

    private static final String[] COUNTRY_HEADERS = {"CF-IPCountry", "CloudFront-Viewer-Country", "X-Country-Code"};

    private Regions() {}

    static String resolve(Catalog catalog, Site site, @Nullable String requested, HttpServletRequest request) {
        if (requested != null && !requested.isBlank()) {
            String region = requested.strip().toUpperCase(Locale.ROOT);
            if (!site.jurisdictions().contains(region)) {
                // a field error rather than a 404: the visitor reads, in their language, which regions there are
                throw RegionNames.notServed(catalog, site);
            }
            return region;
        }
        for (String header : COUNTRY_HEADERS) {
            Optional<String> region = ofCountry(catalog, site, request.getHeader(header));
            if (region.isPresent()) {
                return region.get();
            }
        }
        for (Locale locale : java.util.Collections.list(request.getLocales())) {
            Optional<String> region = ofCountry(catalog, site, locale.getCountry());
            if (region.isPresent()) {
                return region.get();
            }
        }
        return site.defaultJurisdiction();
    }

    /** The site's jurisdiction serving the country, else the one it names for all other countries. */
    private static Optional<String> ofCountry(Catalog catalog, Site site, @Nullable String country) {
        if (country == null || country.isBlank() || !Countries.isKnown(country)) {
            return Optional.empty();
        }
        return catalog.jurisdictionsOf(site).stream()
                .filter(jurisdiction -> jurisdiction.serves(country))
                .map(Jurisdiction::key)
                .findFirst()
                .or(() -> Optional.ofNullable(site.otherCountries()));
    }
}
