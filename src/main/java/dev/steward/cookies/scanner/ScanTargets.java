package dev.steward.cookies.scanner;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.Site;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.OutboundAddresses;
import dev.steward.platform.Phrase;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a scan request against the catalog and the settings, and refuses it field by field: an unknown site or
 * region, a page count out of range, an address that is not a web page of the site's own origin, or a site that is
 * not on the public internet (the outbound address rules).
 */
@Component
class ScanTargets {

    private final Catalogs catalogs;
    private final OutboundAddresses addresses;
    private final ScannerSettings settings;

    ScanTargets(Catalogs catalogs, OutboundAddresses addresses, ScannerSettings settings) {
        this.catalogs = catalogs;
        this.addresses = addresses;
        this.settings = settings;
    }

    ScanTarget resolve(ScanRequest request) {
        if (request.site() == null || request.site().isBlank()) {
            throw new InvalidInputException(FieldError.of("site", "required", "error.cookies.site.required"));
        }
        Site site = catalogs.site(request.site())
                .orElseThrow(() -> new InvalidInputException(
                        FieldError.of("site", "unknown-site", "error.cookies.site.unknown-site", request.site())));
        Catalog catalog = catalogs.of(site.key());
        List<FieldError> errors = new ArrayList<>();
        int pages = request.pages() == null ? settings.pages() : request.pages();
        if (pages < 1 || pages > settings.maxPages()) {
            errors.add(FieldError.of("pages", "out-of-range", "error.cookies.pages.out-of-range", settings.maxPages()));
        }
        Optional<Jurisdiction> jurisdiction = jurisdiction(catalog, site, request.region(), errors);
        URI base = base(site, request.baseUrl(), errors);
        List<URI> urls = new ArrayList<>();
        if (base != null) {
            ScanTarget probe =
                    new ScanTarget(site, catalog, catalog.jurisdictionsOf(site).get(0), null, base, urls, 1);
            for (String url : request.urls()) {
                URI page = WebAddresses.web(url);
                if (page == null || !probe.crawls(page)) {
                    errors.add(FieldError.of(
                            "urls", "other-origin", "error.cookies.urls.other-origin", url, WebAddresses.origin(base)));
                } else {
                    urls.add(page);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ScanTarget(
                site,
                catalog,
                jurisdiction.orElseThrow(),
                catalog.cookieBannerOf(site.key()).orElse(null),
                base,
                List.copyOf(urls),
                pages);
    }

    private static Optional<Jurisdiction> jurisdiction(
            Catalog catalog, Site site, @Nullable String region, List<FieldError> errors) {
        String key = region == null || region.isBlank() ? site.defaultJurisdiction() : region;
        if (!site.jurisdictions().contains(key)) {
            errors.add(FieldError.of(
                    "region", "unknown-region", "error.cookies.region.unknown-region", key, site.jurisdictions()));
            return Optional.empty();
        }
        return catalog.jurisdiction(key);
    }

    private @Nullable URI base(Site site, @Nullable String baseUrl, List<FieldError> errors) {
        String field = baseUrl == null ? "site" : "baseUrl";
        URI base = WebAddresses.web(baseUrl == null ? site.baseUrl() : baseUrl);
        if (base == null) {
            errors.add(FieldError.of(field, "invalid", "error.cookies.field.invalid.2"));
            return null;
        }
        Optional<Phrase> refusal = addresses.refusal(base.getHost());
        if (refusal.isPresent()) {
            errors.add(new FieldError(field, "not-public", refusal.get()));
            return null;
        }
        return base;
    }
}
