package dev.steward.changes;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.mail.LostMail;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.notice.NoticeChange;
import dev.steward.notice.NoticeChanges;
import dev.steward.vault.Addressees;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the people a material change concerns: those with a record of an activity the change touches, collected
 * under a jurisdiction whose notice changed. A person is an e-mail address, found by its blind index as campaigns find
 * theirs ({@link Addressees}): every subject of the site carrying it that the change concerns is told by one mail. Each
 * address is told in a transaction of its own, which records every one of those subjects as told and queues the mail
 * in the outbox; the outbox delivers it later with no transaction open. A crash, or a second node, resumes where the
 * record of who was told ends, so no address is told twice. The mail is sealed under one subject's key: erasing that
 * subject before it left deletes it, and the next look tells the address's other subjects by a new mail.
 */
@Component
class NoticeChangeMailing {

    static final Duration LINK_VALID_FOR = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(NoticeChangeMailing.class);
    private static final int PAGE = 200;

    private final NoticeChangeRepository changes;
    private final NoticeChanges notices;
    private final AddressTelling addresses;
    private final Catalogs catalogs;
    private final Vault vault;
    private final Mailer mailer;
    private final Clock clock;

    NoticeChangeMailing(
            NoticeChangeRepository changes,
            NoticeChanges notices,
            AddressTelling addresses,
            Catalogs catalogs,
            Vault vault,
            Mailer mailer,
            Clock clock) {
        this.changes = changes;
        this.notices = notices;
        this.addresses = addresses;
        this.catalogs = catalogs;
        this.vault = vault;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${steward.notice-changes.interval:PT30S}",
            initialDelayString = "${steward.notice-changes.interval:PT30S}")
    void scheduled() {
        run();
    }

    /**
     * Tells again the subjects whose mail was lost, then everyone each open change concerns; answers how many mails
     * (addresses told) this run queued.
     */
    int run() {
        int told = tellLost();
        for (NoticeChangeRepository.ChangeRow change : changes.open()) {
            told += tell(change);
            changes.complete(change.id(), clock.instant());
        }
        return told;
    }

    private int tell(NoticeChangeRepository.ChangeRow row) {
        if (catalogs.sites().stream().noneMatch(site -> site.key().equals(row.site()))) {
            return 0;
        }
        Site site = catalogs.requireSite(row.site());
        Map<String, NoticeChange> told = new HashMap<>();
        NoticeChange change = inLanguage(row, site, site.language(), told);
        int count = 0;
        SubjectId after = null;
        List<SubjectId> page;
        do {
            // who came after the change was published read the new notice: only those who came before are told
            page = vault.subjectsWithRecords(
                    site.key(), change.activities(), change.jurisdictions(), row.createdAt(), after, PAGE);
            Set<SubjectId> done = changes.toldOf(row.id(), page).stream()
                    .map(NoticeChangeRepository.Told::subject)
                    .collect(Collectors.toSet());
            for (SubjectId subject : page) {
                // a subject told with an earlier one of its address is skipped here, without a transaction
                if (!done.contains(subject)
                        && addresses.tell(row, site, language -> inLanguage(row, site, language, told), subject)) {
                    count++;
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == PAGE);
        log.info("Told {} addresses of the change of site {} to notice version {}", count, site.key(), change.to());
        return count;
    }

    /**
     * The mails that an erasure deleted before they left (each sealed under the erased subject's key) told nobody: that
     * is appended to the change's record, and the subjects each was to tell who are still there are told again, by a
     * new mail of their address in their own jurisdiction and consents, under the address's lock as any telling is.
     * The outbox forgets a loss once it is dealt with; a crash before that only deals with it again, finding the
     * address told.
     */
    private int tellLost() {
        int count = 0;
        List<LostMail> lost;
        do {
            lost = mailer.lost(OutgoingMail.NOTICE_CHANGE, PAGE);
            for (LostMail mail : lost) {
                count += tellAgain(mail);
            }
            mailer.forgetLost(lost.stream().map(LostMail::message).toList());
        } while (lost.size() == PAGE);
        return count;
    }

    private int tellAgain(LostMail mail) {
        List<NoticeChangeRepository.Told> left = changes.toldBy(mail.message());
        Optional<NoticeChangeRepository.ChangeRow> row =
                left.isEmpty() ? Optional.empty() : changes.change(left.get(0).change());
        if (row.isEmpty()) {
            // every subject it was to tell was erased with it: nothing is left to tell, or to keep
            return 0;
        }
        changes.insertLost(row.get().id(), mail.message(), mail.lostAt());
        if (catalogs.sites().stream()
                .noneMatch(site -> site.key().equals(row.get().site()))) {
            return 0;
        }
        Site site = catalogs.requireSite(row.get().site());
        Map<String, NoticeChange> told = new HashMap<>();
        int count = 0;
        for (NoticeChangeRepository.Told one : left) {
            if (addresses.tell(
                    row.get(), site, language -> inLanguage(row.get(), site, language, told), one.subject())) {
                count++;
            }
        }
        log.info("Told again {} addresses of the change of site {} whose mail was lost", count, site.key());
        return count;
    }

    /** The change worded for readers of the language, computed once per language and run. */
    private NoticeChange inLanguage(
            NoticeChangeRepository.ChangeRow row, Site site, String language, Map<String, NoticeChange> told) {
        return told.computeIfAbsent(
                language, key -> notices.between(site.key(), row.from(), row.to(), Locale.forLanguageTag(key)));
    }
}
