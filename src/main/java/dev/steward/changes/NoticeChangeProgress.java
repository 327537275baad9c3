package dev.steward.changes;

import dev.steward.catalog.Catalogs;
import dev.steward.mail.MailStatus;
import dev.steward.mail.Mailer;
import dev.steward.staff.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * How far the telling of each notice change has come, on the caller's sites: people told, their mail's delivery,
 * and the consents asked again, given again and still awaited. Counts only: nothing here is personal.
 */
@Service
class NoticeChangeProgress {

    /** One change as staff see it. Pending re-consents are those asked and not yet given again. */
    record Progress(
            String site,
            String siteName,
            String from,
            String to,
            Instant startedAt,
            @Nullable Instant completedAt,
            long told,
            long mailsSent,
            long mailsWaiting,
            long mailsFailed,
            long reconsentAsked,
            long reconsented,
            long reconsentPending) {}

    private final NoticeChangeRepository changes;
    private final Mailer mailer;
    private final Catalogs catalogs;

    NoticeChangeProgress(NoticeChangeRepository changes, Mailer mailer, Catalogs catalogs) {
        this.changes = changes;
        this.mailer = mailer;
        this.catalogs = catalogs;
    }

    List<Progress> of(Caller caller) {
        return since(caller, Instant.MIN);
    }

    /** The changes on the caller's sites that started at {@code start} or later. */
    List<Progress> since(Caller caller, Instant start) {
        return changes.of(caller.sites()).stream()
                .filter(change -> caller.maySee(change.site()))
                .filter(change -> !change.createdAt().isBefore(start))
                .map(this::progress)
                .toList();
    }

    private Progress progress(NoticeChangeRepository.ChangeRow change) {
        NoticeChangeRepository.Counts counts = changes.counts(change.id());
        Map<MailStatus, Long> mails = mailer.statusCounts(changes.mails(change.id()));
        return new Progress(
                change.site(),
                catalogs.sites().stream()
                        .filter(site -> site.key().equals(change.site()))
                        .map(site -> site.name().in(site.language()))
                        .findFirst()
                        .orElse(change.site()),
                change.from(),
                change.to(),
                change.createdAt(),
                change.completedAt(),
                counts.told(),
                mails.getOrDefault(MailStatus.SENT, 0L),
                mails.getOrDefault(MailStatus.QUEUED, 0L) + mails.getOrDefault(MailStatus.HELD, 0L),
                mails.getOrDefault(MailStatus.FAILED, 0L) + mails.getOrDefault(MailStatus.DROPPED, 0L),
                counts.asked(),
                counts.reconsented(),
                counts.asked() - counts.reconsented());
    }
}
