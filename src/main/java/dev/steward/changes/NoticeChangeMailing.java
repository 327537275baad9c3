package dev.steward.changes;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.mail.Mailer;
import dev.steward.notice.NoticeChange;
import dev.steward.notice.NoticeChanges;
import dev.steward.platform.Sha256;
import dev.steward.vault.Access;
import dev.steward.vault.Identifier;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the people a material change concerns: those with a record of an activity the change touches, collected
 * under a jurisdiction whose notice changed. Each person is told in a transaction of their own, which records that
 * they were told and queues their operational mail in the outbox; the outbox delivers it later with no transaction
 * open. A crash, or a second node, resumes where the record of who was told ends, so nobody is told twice.
 */
@Component
class NoticeChangeMailing {

    static final Duration LINK_VALID_FOR = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(NoticeChangeMailing.class);
    private static final int PAGE = 200;

    private final NoticeChangeRepository changes;
    private final NoticeChanges notices;
    private final ConsentWordings wordings;
    private final ChangeMails mails;
    private final ReaderLanguages readers;
    private final Catalogs catalogs;
    private final Vault vault;
    private final Mailer mailer;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    NoticeChangeMailing(
            NoticeChangeRepository changes,
            NoticeChanges notices,
            ConsentWordings wordings,
            ChangeMails mails,
            ReaderLanguages readers,
            Catalogs catalogs,
            Vault vault,
            Mailer mailer,
            TransactionTemplate transaction,
            Clock clock) {
        this.changes = changes;
        this.notices = notices;
        this.wordings = wordings;
        this.mails = mails;
        this.readers = readers;
        this.catalogs = catalogs;
        this.vault = vault;
        this.mailer = mailer;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${steward.notice-changes.interval:PT30S}",
            initialDelayString = "${steward.notice-changes.interval:PT30S}")
    void scheduled() {
        run();
    }

    /** Tells everyone each open change concerns; answers how many people this run told. */
    int run() {
        int told = 0;
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
            for (SubjectId subject : page) {
                if (tellOne(row, site, told, subject)) {
                    count++;
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == PAGE);
        log.info("Told {} people of the change of site {} to notice version {}", count, site.key(), change.to());
        return count;
    }

    /** The change worded for readers of the language, computed once per language and run. */
    private NoticeChange inLanguage(
            NoticeChangeRepository.ChangeRow row, Site site, String language, Map<String, NoticeChange> told) {
        return told.computeIfAbsent(
                language, key -> notices.between(site.key(), row.from(), row.to(), Locale.forLanguageTag(key)));
    }

    /** Tells one person, in their language ({@link ReaderLanguages}), with the change worded for it. */
    private boolean tellOne(
            NoticeChangeRepository.ChangeRow row, Site site, Map<String, NoticeChange> told, SubjectId subject) {
        long changeId = row.id();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Optional<String> address = vault.exists(subject) ? emailOf(subject) : Optional.empty();
            if (address.isEmpty()) {
                // nobody to write to: the announcement on the site's pages is what tells them
                return false;
            }
            // what the change touches is the same in every language
            NoticeChange scope = inLanguage(row, site, site.language(), told);
            List<RecordSummary> records = vault.records(subject).stream()
                    .filter(record -> record.site().equals(site.key())
                            && scope.activities().contains(record.activity())
                            && scope.jurisdictions().contains(record.jurisdiction())
                            && record.collectedAt().isBefore(row.createdAt()))
                    .toList();
            if (records.isEmpty()) {
                return false;
            }
            String language = readers.language(address.get(), site);
            NoticeChange change = inLanguage(row, site, language, told);
            Instant now = clock.instant();
            List<ConsentWordings.Reconsent> asked =
                    wordings.toAsk(site, subject, records, change.consentActivities(), now);
            String token = asked.isEmpty() ? null : token();
            String jurisdiction = records.get(0).jurisdiction();
            if (!changes.insertTold(
                    changeId,
                    subject,
                    jurisdiction,
                    asked,
                    token == null ? null : Sha256.hex(token),
                    token == null ? null : now.plus(LINK_VALID_FOR),
                    now)) {
                return false;
            }
            UUID mail = mailer.queue(mails.of(
                    site,
                    subject,
                    address.get(),
                    jurisdiction,
                    change,
                    asked.stream()
                            .map(one -> new ChangeMails.Asked(
                                    wordings.purposeName(site, one.purpose(), language), wordings.wording(site, one)))
                            .toList(),
                    token,
                    Locale.forLanguageTag(language)));
            changes.attachMail(changeId, subject, mail);
            return true;
        }));
    }

    private Optional<String> emailOf(SubjectId subject) {
        return vault.identifiers(subject, Access.system("notice-change")).stream()
                .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                .map(Identifier::value)
                .findFirst();
    }

    /** 256 random bits, URL-safe: only its SHA-256 is stored. */
    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
