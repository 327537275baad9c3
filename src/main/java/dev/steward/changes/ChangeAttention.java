package dev.steward.changes;

import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Attention;
import dev.steward.staff.AttentionItems;
import dev.steward.staff.Caller;
import dev.steward.staff.Permission;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How the material notice changes of the last {@link #RECENT} are getting on: people asked to consent again who have
 * not yet, and the mails telling of a change that could not be delivered.
 */
@Component
class ChangeAttention implements AttentionItems {

    static final Duration RECENT = Duration.ofDays(90);

    private final NoticeChangeProgress progress;
    private final Clock clock;

    private final ConsoleWords words;

    ChangeAttention(ConsoleWords words, NoticeChangeProgress progress, Clock clock) {
        this.words = words;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public List<Attention> attentionFor(Caller caller) {
        if (!caller.may(Permission.READ_CONSENTS)) {
            return List.of();
        }
        List<NoticeChangeProgress.Progress> recent =
                progress.since(caller, clock.instant().minus(RECENT));
        return List.of(
                new Attention(
                        recent.stream()
                                .mapToLong(NoticeChangeProgress.Progress::reconsentPending)
                                .sum(),
                        words.get("console.attention.reconsentPending", RECENT.toDays()),
                        "/admin/notice-changes"),
                new Attention(
                        recent.stream()
                                .mapToLong(NoticeChangeProgress.Progress::mailsFailed)
                                .sum(),
                        words.get("console.attention.changeMailsFailed"),
                        "/admin/notice-changes"));
    }
}
