package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Countries;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.Regime;
import dev.steward.catalog.Site;
import dev.steward.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides which region's notice a visitor sees: {@code ?region=} when given; otherwise the country a CDN or proxy
 * reports, then the region of the visitor's preferred languages; otherwise the site's default. A country maps to
 * the site's jurisdiction applying its law: EEA countries to the GDPR one, Japan to the APPI one, the United
 * States to the US one.
 */
final class Regions {

    private static final String[] COUNTRY_HEADERS = {"CF-IPCountry", "CloudFront-Viewer-Country", "X-Country-Code"};

    private Regions() {}

    static String resolve(Catalog catalog, Site site, @Nullable String requested, HttpServletRequest request) {
        if (requested != null && !requested.isBlank()) {
            String region = requested.toUpperCase(Locale.ROOT);
            if (!site.jurisdictions().contains(region)) {
                throw new NotFoundException("Site '" + site.key() + "' has no notice for region '" + requested
                        + "'; it has " + String.join(", ", site.jurisdictions()) + ".");
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

    private static Optional<String> ofCountry(Catalog catalog, Site site, @Nullable String country) {
        if (country == null || country.isBlank() || !Countries.isKnown(country)) {
            return Optional.empty();
        }
        Regime regime = Countries.isInEea(country)
                ? Regime.GDPR
                : "JP".equalsIgnoreCase(country) ? Regime.APPI : "US".equalsIgnoreCase(country) ? Regime.US : null;
        if (regime == null) {
            return Optional.empty();
        }
        return catalog.jurisdictionsOf(site).stream()
                .filter(jurisdiction -> jurisdiction.regime() == regime)
                .map(Jurisdiction::key)
                .findFirst();
    }
}
