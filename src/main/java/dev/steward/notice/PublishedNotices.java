package dev.steward.notice;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** Which notice version is in force for a site, so that evidence can name exactly what a person was shown. */
@Service
public class PublishedNotices {

    private record Key(long version, String region, String page, String language) {}

    private final NoticeVersionRepository versions;
    private final Catalogs catalogs;
    private final Clock clock;
    // a stored rendition never changes; one in another language than asked for may yet be joined by the asked one
    private final Map<Key, NoticeRendition> exact = new ConcurrentHashMap<>();

    PublishedNotices(NoticeVersionRepository versions, Catalogs catalogs, Clock clock) {
        this.versions = versions;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    public NoticeVersion inForce(String site) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return versions.inForce(site, today)
                .orElseThrow(() -> new NotFoundException("Site '" + site + "' has no published notice."));
    }

    public NoticeVersion version(String site, String version) {
        return versions.find(site, version)
                .orElseThrow(
                        () -> new NotFoundException("Site '" + site + "' has no notice version '" + version + "'."));
    }

    public List<NoticeVersion> history(String site) {
        return versions.history(site);
    }

    /**
     * The page of the version a visitor of the region reads in the language: the stored rendition in it, else the
     * one in the site's default language. An edition that did not serve the region (the 2017 notice had no EU
     * section) applied to everyone in its default region, so that is what a visitor of the region read then.
     */
    public NoticeRendition rendition(NoticeVersion version, String region, String page, String language) {
        Key key = new Key(version.id(), region, page, language);
        NoticeRendition cached = exact.get(key);
        if (cached != null) {
            return cached;
        }
        String defaultLanguage = catalogs.requireSite(version.site()).language();
        NoticeRendition rendition = versions.rendition(version.id(), region, page, language, defaultLanguage)
                .or(() -> versions.regions(version.id()).stream()
                        .findFirst()
                        .flatMap(fallback ->
                                versions.rendition(version.id(), fallback, page, language, defaultLanguage)))
                .orElseThrow(
                        () -> new NotFoundException("Version " + version.version() + " has no " + page + " page."));
        if (rendition.language().equals(language)) {
            exact.put(key, rendition);
        }
        return rendition;
    }
}
