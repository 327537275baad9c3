package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.Site;
import dev.steward.platform.Sha256;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes each site's notice at start: every earlier edition the catalog names, then the catalog's own. A
 * version whose label is already published is left alone when its facts are unchanged; when they changed, Steward
 * refuses to start, because a published version is immutable and a changed notice needs a new version label.
 */
@Component
@Profile("!cli")
class NoticePublisher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NoticePublisher.class);

    private final Catalogs catalogs;
    private final NoticeVersionRepository versions;
    private final NoticeRenditions renditions;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile boolean done;

    NoticePublisher(
            Catalogs catalogs,
            NoticeVersionRepository versions,
            NoticeRenditions renditions,
            JsonMapper json,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalogs = catalogs;
        this.versions = versions;
        this.renditions = renditions;
        this.json = json;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        for (Catalog catalog : catalogs.all()) {
            for (Site site : catalog.sites()) {
                List<Catalog> editions = new ArrayList<>(catalog.earlierEditionsOf(site.key()));
                editions.add(catalog);
                editions.forEach(
                        edition -> publish(edition, edition.site(site.key()).orElseThrow()));
            }
        }
        done = true;
    }

    boolean isDone() {
        return done;
    }

    private void publish(Catalog catalog, Site site) {
        PublishedFacts facts = factsOf(catalog, site);
        String factsJson = json.writeValueAsString(facts);
        String hash = Sha256.hex(factsJson);
        Optional<NoticeVersion> existing =
                versions.find(site.key(), site.notice().version());
        if (existing.isPresent()) {
            requireUnchanged(existing.get(), hash);
            transaction.executeWithoutResult(status -> renditions.storeMissing(existing.get(), catalog, site));
            return;
        }
        NoticeVersion version = new NoticeVersion(
                0,
                site.key(),
                site.notice().version(),
                site.notice().effective(),
                site.notice().lastModified(),
                site.notice().significance().name().toLowerCase(Locale.ROOT),
                clock.instant(),
                hash);
        transaction.executeWithoutResult(status -> {
            if (!versions.insertIfAbsent(version, factsJson)) {
                return;
            }
            renditions.storeMissing(versions.find(site.key(), version.version()).orElseThrow(), catalog, site);
            // in the same transaction: the version and the duty to tell people about it commit together
            events.publishEvent(new NoticeVersionPublished(
                    site.key(),
                    version.version(),
                    versions.previous(site.key(), version.version(), version.effective())
                            .map(NoticeVersion::version)
                            .orElse(null),
                    site.notice().significance() == Site.Significance.MATERIAL,
                    version.effective()));
        });
        requireUnchanged(versions.find(site.key(), site.notice().version()).orElseThrow(), hash);
        log.info("Published notice version {} of site {}", version.version(), site.key());
    }

    /** Two nodes may publish at once; whichever wrote the row, its content must be what this catalog says. */
    private static void requireUnchanged(NoticeVersion published, String hash) {
        if (!published.contentHash().equals(hash)) {
            throw new IllegalStateException("The catalog changes the notice of site '" + published.site()
                    + "', but its notice.version is still '" + published.version() + "', which was published on "
                    + published.publishedAt() + " and cannot change. Give the revision a new notice.version.");
        }
    }

    static PublishedFacts factsOf(Catalog catalog, Site site) {
        Map<String, NoticeFacts> regions = new LinkedHashMap<>();
        for (Jurisdiction jurisdiction : catalog.jurisdictionsOf(site)) {
            regions.put(jurisdiction.key(), new NoticeComposer(catalog, site, jurisdiction).compose());
        }
        return new PublishedFacts(regions, SiteFacts.of(catalog, site));
    }
}
