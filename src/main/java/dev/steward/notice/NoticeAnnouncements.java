package dev.steward.notice;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Span;
import dev.steward.catalog.VisitorLanguageLinks;
import dev.steward.platform.MessageBundle;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The "this notice changed on …" announcement a site shows after a material change, for as long as the site's
 * catalog says ({@code notice.changeNoticePeriod}; Omron: six months, seed 002): on the notice itself, and through
 * the consent script to visitors who last saw an older version. An editorial version announces nothing, and neither
 * does a material one once its period is over.
 */
@Service
public class NoticeAnnouncements {

    /** What the visitor reads; the words are in the visitor's language, the date too. */
    public record Announcement(
            String version,
            String heading,
            List<String> summary,
            String diffPath,
            String linkText,
            String closeText,
            Instant until) {}

    private record Key(String site, String from, String to, Locale locale) {}

    private final Catalogs catalogs;
    private final NoticeVersionRepository versions;
    private final NoticeChanges changes;
    private final Clock clock;
    private final VisitorLanguageLinks languages;
    private final MessageBundle messages = new MessageBundle("i18n/notice-changes");
    // published versions never change, so neither does what changed between two of them
    private final Map<Key, NoticeChange> computed = new ConcurrentHashMap<>();

    NoticeAnnouncements(
            Catalogs catalogs,
            NoticeVersionRepository versions,
            NoticeChanges changes,
            Clock clock,
            VisitorLanguageLinks languages) {
        this.catalogs = catalogs;
        this.languages = languages;
        this.versions = versions;
        this.changes = changes;
        this.clock = clock;
    }

    public Optional<Announcement> current(String site, Locale locale) {
        Span period = catalogs.requireSite(site).notice().changeNoticePeriod();
        if (period == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return versions.history(site).stream()
                .filter(version -> !version.effective().isAfter(today))
                .filter(version -> version.significance().equals("material"))
                .findFirst()
                .flatMap(version -> versions.previous(site, version.version(), version.effective())
                        .map(previous -> announce(site, previous, version, period, locale)))
                .filter(announcement -> now.isBefore(announcement.until()));
    }

    /** The sentences, and the visible note where they name an element in the site's default language. */
    private List<String> summary(String site, NoticeChange change, Locale locale) {
        if (!change.namesUntranslated()) {
            return change.sentences();
        }
        List<String> summary = new ArrayList<>(change.sentences());
        summary.add(languages.pageFallback(site, locale));
        return List.copyOf(summary);
    }

    private Announcement announce(
            String site, NoticeVersion previous, NoticeVersion version, Span period, Locale locale) {
        NoticeChange change = computed.computeIfAbsent(
                new Key(site, previous.version(), version.version(), locale),
                key -> changes.between(site, key.from(), key.to(), locale));
        return new Announcement(
                version.version(),
                messages.get(locale, "announcement.heading", MessageBundle.date(version.effective(), locale)),
                summary(site, change, locale),
                change.diffPath(),
                messages.get(locale, "announcement.link"),
                messages.get(locale, "announcement.close"),
                period.addTo(version.effective().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
}
