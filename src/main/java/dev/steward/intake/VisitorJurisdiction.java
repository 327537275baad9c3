package dev.steward.intake;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.notice.VisitorRegions;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The jurisdiction a submission falls under: the region the visitor chose, else the one the notice module detects for
 * them (proxy country, browser languages, site default), so the form follows the notice they read.
 */
@Component
class VisitorJurisdiction {

    private final Catalogs catalogs;
    private final VisitorRegions regions;

    VisitorJurisdiction(Catalogs catalogs, VisitorRegions regions) {
        this.catalogs = catalogs;
        this.regions = regions;
    }

    String of(String site, @Nullable String requested, HttpServletRequest request) {
        Site declared = catalogs.requireSite(site);
        if (requested == null || requested.isBlank()) {
            return regions.resolve(site, null, request);
        }
        String region = requested.strip().toUpperCase(Locale.ROOT);
        if (!declared.jurisdictions().contains(region)) {
            throw new InvalidInputException(FieldError.of(
                    "region", "invalid-option", "error.rights.region.invalid-option", declared.jurisdictions()));
        }
        return region;
    }
}
