package dev.steward.retention;

import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Attention;
import dev.steward.staff.AttentionItems;
import dev.steward.staff.Caller;
import dev.steward.staff.Permission;
import dev.steward.vault.RecordDueTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Erasures that are held up: records past their retention period that are still there. Those no hold keeps mean
 * the sweep is behind or failing (it should have run within its interval); those a legal hold keeps are lawful, but
 * each such hold keeps a promise waiting, so whoever reviews holds sees how many.
 */
@Component
class RetentionAttention implements AttentionItems {

    /** How much later than its interval a sweep may be before its records count as held up. */
    static final Duration SLACK = Duration.ofHours(1);

    private final RecordDueTimes dueTimes;
    private final HoldRepository holds;
    private final RetentionSettings settings;
    private final Clock clock;

    private final ConsoleWords words;

    RetentionAttention(
            ConsoleWords words,
            RecordDueTimes dueTimes,
            HoldRepository holds,
            RetentionSettings settings,
            Clock clock) {
        this.words = words;
        this.dueTimes = dueTimes;
        this.holds = holds;
        this.settings = settings;
        this.clock = clock;
    }

    /** Per site of the caller's, the overdue records, apart by whether these holds keep them. */
    private List<RecordDueTimes.Overdue> overdue(Instant late, HoldRepository.HeldTargets held, Caller caller) {
        return dueTimes.overdue(late, held.subjects(), held.records()).stream()
                .filter(count -> caller.maySee(count.site()))
                .toList();
    }

    @Override
    public List<Attention> attentionFor(Caller caller) {
        boolean sweepLate = caller.may(Permission.READ_RETENTION);
        boolean heldBack = caller.may(Permission.READ_HOLDS);
        if (!sweepLate && !heldBack) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant late = now.minus(settings.sweepInterval()).minus(SLACK);
        List<LegalHold> active = holds.active(now);
        List<RecordDueTimes.Overdue> overdue = overdue(late, HoldRepository.HeldTargets.of(active), caller);
        List<Attention> items = new ArrayList<>();
        if (sweepLate) {
            items.add(new Attention(
                    overdue.stream().mapToLong(RecordDueTimes.Overdue::unheld).sum(),
                    words.get("console.attention.retentionOverdue"),
                    "/admin/retention"));
        }
        if (heldBack) {
            // counted by the holds the member's list shows (attack22): a member of some sites saw records of theirs
            // counted as held by a whole-subject hold that /admin/holds hid from them, another site's matter
            List<LegalHold> seen =
                    active.stream().filter(hold -> caller.maySee(hold.site())).toList();
            List<RecordDueTimes.Overdue> held =
                    seen.size() == active.size() ? overdue : overdue(late, HoldRepository.HeldTargets.of(seen), caller);
            items.add(new Attention(
                    held.stream().mapToLong(RecordDueTimes.Overdue::held).sum(),
                    words.get("console.attention.retentionHeld"),
                    "/admin/holds"));
        }
        return List.copyOf(items);
    }
}
