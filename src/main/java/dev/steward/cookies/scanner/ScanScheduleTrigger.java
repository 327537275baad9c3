package dev.steward.cookies.scanner;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for a due scheduled scan every {@code steward.cookies.scanner.schedule-check}; the server's, not a command's. */
@Component
@Profile("!cli")
@ConditionalOnProperty(name = "steward.cookies.scanner.scheduled", havingValue = "true", matchIfMissing = true)
class ScanScheduleTrigger {

    private final ScanSchedules schedules;

    ScanScheduleTrigger(ScanSchedules schedules) {
        this.schedules = schedules;
    }

    @Scheduled(
            fixedDelayString = "${steward.cookies.scanner.schedule-check:PT1M}",
            initialDelayString = "${steward.cookies.scanner.schedule-check:PT1M}")
    void check() {
        schedules.runDue();
    }
}
