package dev.steward.changes;

import dev.steward.notice.NoticeVersionPublished;
import dev.steward.vault.SubjectRows;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Remembers, in the transaction that publishes it, every material change people must be told about; an editorial
 * version, or a site's first notice, tells nobody. Erasing a person forgets that they were told, and their link.
 */
@Component
class NoticeChangeEvents implements SubjectRows {

    private final NoticeChangeRepository changes;
    private final Clock clock;

    NoticeChangeEvents(NoticeChangeRepository changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    @EventListener
    void published(NoticeVersionPublished published) {
        if (published.mustBeAnnounced() && published.previous() != null) {
            changes.insertChange(published.site(), published.previous(), published.version(), clock.instant());
        }
    }

    @Override
    public List<String> erasure() {
        return List.of(NoticeChangeRepository.DELETE_OF_SUBJECTS);
    }
}
