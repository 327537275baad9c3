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

    @Override
    public List<Attention> attentionFor(Caller caller) {
        boolean sweepLate = caller.may(Permission.READ_RETENTION);
        boolean heldBack = caller.may(Permission.READ_HOLDS);
        if (!sweepLate && !heldBack) {
            return List.of();
        }
        Instant now = clock.instant();
        HoldRepository.HeldTargets held = holds.targets(now);
        List<RecordDueTimes.Overdue> overdue =
                dueTimes
                        .overdue(now.minus(settings.sweepInterval()).minus(SLACK), held.subjects(), held.records())
                        .stream()
                        .filter(count -> caller.maySee(count.site()))
                        .toList();
        List<Attention> items = new ArrayList<>();
        if (sweepLate) {
            items.add(new Attention(
                    overdue.stream().mapToLong(RecordDueTimes.Overdue::unheld).sum(),
                    words.get("console.attention.retentionOverdue"),
                    "/admin/retention"));
        }
        if (heldBack) {
            items.add(new Attention(
                    overdue.stream().mapToLong(RecordDueTimes.Overdue::held).sum(),
                    words.get("console.attention.retentionHeld"),
                    "/admin/holds"));
        }
        return List.copyOf(items);
    }
}
