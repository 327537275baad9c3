package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notice as data: the facts of the version in force, the published versions, and diffs between them. */
@RestController
class NoticeApiController {

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final NoticeVersionDiffs diffs;

    NoticeApiController(Catalogs catalogs, PublishedNotices notices, NoticeVersionDiffs diffs) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.diffs = diffs;
    }

    @Operation(
            summary = "Get the notice in force",
            description = "The privacy notice in force for the visitor's region (or `region`), as data, in the"
                    + " visitor's language among those the site declares (`Accept-Language`). `Content-Language`"
                    + " names it, followed by the site's default language where some texts are not translated.")
    @GetMapping("/s/{site}/privacy.json")
    ResponseEntity<NoticeFacts> privacyJson(
            @PathVariable String site, @RequestParam(required = false) String region, HttpServletRequest request) {
        Catalog catalog = catalogs.of(site);
        Site found = catalog.site(site).orElseThrow();
        String resolved = Regions.resolve(catalog, found, region, request);
        NoticeVersion inForce = notices.inForce(site);
        String language = VisitorLanguages.of(found);
        Optional<NoticeComposer> composer = language.equals(found.language())
                ? Optional.empty()
                : editionOf(catalog, site, inForce.version())
                        .flatMap(edition -> edition.jurisdiction(resolved)
                                .map(jurisdiction -> new NoticeComposer(
                                        edition, edition.site(site).orElseThrow(), jurisdiction, language)));
        if (composer.isEmpty()) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_LANGUAGE, found.language())
                    .body(factsOf(inForce, resolved));
        }
        NoticeFacts facts = composer.get().compose();
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_LANGUAGE,
                        composer.get().untranslated() == 0 ? language : language + ", " + found.language())
                .body(facts);
    }

    /**
     * The edition of the catalog that states the version: its translations are the version's, as published (a
     * catalog whose translation of a published version reads differently is refused at start).
     */
    private static Optional<Catalog> editionOf(Catalog catalog, String site, String version) {
        return Stream.concat(catalog.earlierEditionsOf(site).stream(), Stream.of(catalog))
                .filter(edition -> edition.site(site)
                        .map(s -> s.notice().version().equals(version))
                        .orElse(false))
                .findFirst();
    }

    @Operation(
            summary = "List notice versions",
            description = "Every published version of the site's notice with its effective date.")
    @GetMapping("/api/v1/sites/{site}/notice/versions")
    VersionList versions(@PathVariable String site) {
        catalogs.requireSite(site);
        return new VersionList(notices.history(site));
    }

    @Operation(
            summary = "Read a notice version",
            description = "What a published version said, for a region, exactly as it was published.")
    @GetMapping("/api/v1/sites/{site}/notice/versions/{version}")
    NoticeFacts version(
            @PathVariable String site, @PathVariable String version, @RequestParam(required = false) String region) {
        NoticeVersion found = notices.version(site, version);
        PublishedFacts facts = diffs.facts(found);
        String chosen = region != null
                ? region.toUpperCase()
                : facts.regions().keySet().iterator().next();
        return factsOf(found, chosen);
    }

    @Operation(
            summary = "Compare two notice versions",
            description =
                    "Purposes, fields, activities, recipients, transfers, retention rules and cookies added, removed or changed between two versions.")
    @GetMapping("/api/v1/sites/{site}/notice/diff")
    NoticeDiff diff(@PathVariable String site, @RequestParam String from, @RequestParam String to) {
        return diffs.between(site, from, to);
    }

    private NoticeFacts factsOf(NoticeVersion version, String region) {
        PublishedFacts facts = diffs.facts(version);
        NoticeFacts notice = facts.regions().get(region);
        if (notice == null) {
            throw new NotFoundException("Version " + version.version() + " has no notice for region '" + region
                    + "'; it has " + String.join(", ", facts.regions().keySet()) + ".");
        }
        return notice;
    }

    record VersionList(List<NoticeVersion> versions) {}
}
