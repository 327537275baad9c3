package dev.steward.changes;

import dev.steward.catalog.Site;
import dev.steward.mail.MailHold;
import dev.steward.mail.MailKind;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.notice.NoticeChange;
import dev.steward.platform.Sha256;
import dev.steward.vault.Addressees;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SubjectReviews;
import dev.steward.vault.Vault;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells one address of a change, in a transaction of its own under the address's lock: every subject of the site
 * carrying it that the change concerns and that no mail still able to leave has told is recorded as told, and the one
 * mail is queued in the outbox, sealed under the key of the first of them (a proven one first, then the newest). A mail
 * sealed under a subject whose processing is restricted waits for the restriction to end ({@link MailHold}), so the
 * restricted subjects and the others are told by a mail each: those recorded as told by the waiting mail are only
 * those it waits for, and the others' mail leaves now (attack21, L3).
 */
@Component
class AddressTelling {

    private final NoticeChangeRepository changes;
    private final ConsentWordings wordings;
    private final ChangeMails mails;
    private final ReaderLanguages readers;
    private final Vault vault;
    private final Addressees addressees;
    private final SubjectReviews reviews;
    private final Mailer mailer;
    private final List<MailHold> holds;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AddressTelling(
            NoticeChangeRepository changes,
            ConsentWordings wordings,
            ChangeMails mails,
            ReaderLanguages readers,
            Vault vault,
            Addressees addressees,
            SubjectReviews reviews,
            Mailer mailer,
            List<MailHold> holds,
            TransactionTemplate transaction,
            Clock clock) {
        this.changes = changes;
        this.wordings = wordings;
        this.mails = mails;
        this.readers = readers;
        this.vault = vault;
        this.addressees = addressees;
        this.reviews = reviews;
        this.mailer = mailer;
        this.holds = holds;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A subject of the address the change concerns, with its records that the change touches and the consents it is
     * asked to give again.
     */
    private record Concerned(SubjectId subject, List<RecordSummary> records, List<ConsentWordings.Reconsent> asked) {}

    /**
     * Tells the address the subject carries, once, of everything the change means for every subject of the site
     * carrying it; answers whether a mail was queued.
     */
    boolean tell(
            NoticeChangeRepository.ChangeRow row, Site site, Function<String, NoticeChange> worded, SubjectId subject) {
        Optional<byte[]> index = addressOf(subject);
        if (index.isEmpty()) {
            // nobody to write to: the announcement on the site's pages is what tells them
            return false;
        }
        return Boolean.TRUE.equals(transaction.execute(status -> {
            changes.lockAddress(row.id(), index.get());
            Optional<Addressees.Addressee> addressee =
                    addressees.of(List.of(index.get())).stream().findFirst();
            if (addressee.isEmpty()) {
                return false;
            }
            // the subjects in the addressee's order (a proven one first, then the newest): the mail's is the first;
            // told only by a mail that left or can still leave (a lost mail's rows are not among them)
            List<NoticeChangeRepository.Told> before =
                    changes.toldOf(row.id(), addressee.get().subjects());
            Set<SubjectId> toldBefore =
                    before.stream().map(NoticeChangeRepository.Told::subject).collect(Collectors.toSet());
            NoticeChange scope = worded.apply(site.language());
            List<Concerned> concerned = addressee.get().subjects().stream()
                    .filter(one -> !toldBefore.contains(one))
                    .map(one -> new Concerned(one, concernedRecords(row, site, scope, one), List.of()))
                    .filter(one -> !one.records().isEmpty())
                    .toList();
            if (concerned.isEmpty()) {
                return false;
            }
            // found by the address, the language is one for all its subjects: they cannot disagree
            String language = readers.language(addressee.get().address(), site);
            NoticeChange change = worded.apply(language);
            Instant now = clock.instant();
            List<Concerned> uncovered = new ArrayList<>();
            for (Concerned found : concerned) {
                Concerned one = new Concerned(found.subject(), found.records(), asked(site, found, change, now));
                Optional<NoticeChangeRepository.Told> covering = covering(before, one.asked(), now);
                if (covering.isPresent()) {
                    // found after its address was told (a split, a replay): that mail said all it needs
                    changes.insertTold(
                            row.id(),
                            one.subject(),
                            jurisdiction(one),
                            one.asked(),
                            covering.get().tokenHash(),
                            covering.get().expiresAt(),
                            covering.get().mail(),
                            now);
                } else {
                    uncovered.add(one);
                }
            }
            if (uncovered.isEmpty()) {
                return false;
            }
            Map<Boolean, List<Concerned>> byHold =
                    uncovered.stream().collect(Collectors.partitioningBy(one -> held(one.subject(), site)));
            for (List<Concerned> subjects : List.of(byHold.get(false), byHold.get(true))) {
                if (!subjects.isEmpty()) {
                    queue(row, site, change, addressee.get().address(), subjects, Locale.forLanguageTag(language), now);
                }
            }
            return true;
        }));
    }

    /**
     * The consents the subject is asked to give again; none while it waits for review. WHY: such a subject holds two
     * addresses joined before proofs, maybe two people's, and is told at one of them: its link renewed the subject's
     * consents, the other person's among them, and proved an address of the subject's that was not always the one
     * mailed (attack23). Told, it keeps the consents it gave for what they covered.
     */
    private List<ConsentWordings.Reconsent> asked(Site site, Concerned found, NoticeChange change, Instant now) {
        return reviews.awaitsReview(found.subject())
                ? List.of()
                : wordings.toAsk(site, found.subject(), found.records(), change.consentActivities(), now);
    }

    /** One mail for the subjects: the consents any of them still gives, asked once; each subject recorded as told. */
    private void queue(
            NoticeChangeRepository.ChangeRow row,
            Site site,
            NoticeChange change,
            String address,
            List<Concerned> subjects,
            Locale locale,
            Instant now) {
        List<ChangeMails.Asked> shown = wordings.shown(
                site, subjects.stream().flatMap(one -> one.asked().stream()).toList(), locale.getLanguage());
        String token = shown.isEmpty() ? null : token();
        Concerned first = subjects.get(0);
        UUID mail = mailer.queue(
                mails.of(site, first.subject(), address, jurisdiction(first), change, shown, token, locale));
        for (Concerned one : subjects) {
            if (!changes.insertTold(
                    row.id(),
                    one.subject(),
                    jurisdiction(one),
                    one.asked(),
                    token == null ? null : Sha256.hex(token),
                    token == null ? null : now.plus(NoticeChangeMailing.LINK_VALID_FOR),
                    mail,
                    now)) {
                // the address's lock makes this impossible; were it not, the mail must not go twice
                throw new IllegalStateException("a subject of the address was told meanwhile");
            }
        }
    }

    /** Whether a change's mail sealed under the subject would wait (a restriction of its processing). */
    private boolean held(SubjectId subject, Site site) {
        return holds.stream()
                .anyMatch(hold -> hold.holds(subject, site.key(), MailKind.OPERATIONAL, OutgoingMail.NOTICE_CHANGE));
    }

    /**
     * The earlier mail of the address that covers a subject found after it went: one that asked nothing of it, or
     * whose link, still unused and valid, asked every consent it would be asked.
     */
    private static Optional<NoticeChangeRepository.Told> covering(
            List<NoticeChangeRepository.Told> before, List<ConsentWordings.Reconsent> asked, Instant now) {
        if (before.isEmpty()) {
            return Optional.empty();
        }
        if (asked.isEmpty()) {
            return Optional.of(before.get(0));
        }
        Map<String, List<NoticeChangeRepository.Told>> byLink = before.stream()
                .filter(one -> one.tokenHash() != null
                        && !one.reconsented()
                        && one.expiresAt() != null
                        && now.isBefore(one.expiresAt()))
                .collect(Collectors.groupingBy(NoticeChangeRepository.Told::tokenHash));
        return byLink.values().stream()
                .filter(link -> link.stream()
                        .flatMap(one -> one.reconsents().stream())
                        .collect(Collectors.toSet())
                        .containsAll(asked))
                .map(link -> link.get(0))
                .findFirst();
    }

    private List<RecordSummary> concernedRecords(
            NoticeChangeRepository.ChangeRow row, Site site, NoticeChange scope, SubjectId subject) {
        if (!vault.exists(subject)) {
            return List.of();
        }
        // what the change touches is the same in every language
        return vault.records(subject).stream()
                .filter(record -> record.site().equals(site.key())
                        && scope.activities().contains(record.activity())
                        && scope.jurisdictions().contains(record.jurisdiction())
                        && record.collectedAt().isBefore(row.createdAt()))
                .toList();
    }

    private static String jurisdiction(Concerned concerned) {
        return concerned.records().get(0).jurisdiction();
    }

    /**
     * The address a subject is told at, by its blind index: the lowest, so that a subject holding two addresses (data
     * from before proofs, awaiting review) is always grouped under the same one.
     */
    private Optional<byte[]> addressOf(SubjectId subject) {
        return addressees.emailIndexesOf(List.of(subject)).getOrDefault(subject, List.of()).stream()
                .min(Comparator.comparing(index -> HexFormat.of().formatHex(index)));
    }

    /** 256 random bits, URL-safe: only its SHA-256 is stored. */
    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
