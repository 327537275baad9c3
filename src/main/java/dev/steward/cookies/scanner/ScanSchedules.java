package dev.steward.cookies.scanner;

import dev.steward.cookies.scanner.ScanScheduleRepository.Schedule;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When each site is scanned by itself: daily, weekly or monthly, with a page limit and a jurisdiction. A node that
 * finds a schedule due takes it (moving its next run on), and starts the scan if it is free; otherwise the schedule
 * is due again at the next check.
 */
@Component
class ScanSchedules {

    private static final Logger log = LoggerFactory.getLogger(ScanSchedules.class);

    /** The intervals a schedule may have, in words. */
    /** The intervals the console offers, as ISO-8601 periods; the console names them in words. */
    static final List<String> INTERVALS = List.of("P1D", "P7D", "P1M");

    private final ScanScheduleRepository schedules;
    private final CookieScans scans;
    private final ScannerSettings settings;
    private final Clock clock;

    ScanSchedules(ScanScheduleRepository schedules, CookieScans scans, ScannerSettings settings, Clock clock) {
        this.schedules = schedules;
        this.scans = scans;
        this.settings = settings;
        this.clock = clock;
    }

    Optional<Schedule> of(String site) {
        return schedules.find(site);
    }

    List<Schedule> all() {
        return schedules.all();
    }

    /**
     * Sets a site's schedule, checked as a scan request is; its first scan is due one interval from now. Answers the
     * schedule saved.
     */
    Schedule set(String site, String every, Integer pages, String region, String by) {
        if (!INTERVALS.contains(every)) {
            throw new InvalidInputException(FieldError.of("every", "invalid", "error.cookies.every.invalid"));
        }
        ScanTarget target = scans.target(ScanRequest.of(site, pages, region));
        Instant now = clock.instant();
        Schedule schedule = new Schedule(
                site,
                every,
                target.pages(),
                target.jurisdiction().key(),
                Instant.from(Period.parse(every).addTo(now.atOffset(ZoneOffset.UTC))),
                by,
                now);
        schedules.save(schedule);
        return schedule;
    }

    boolean remove(String site) {
        return schedules.delete(site);
    }

    /** Starts the scan of one due schedule, if there is one and this node is free. */
    void runDue() {
        Instant now = clock.instant();
        Optional<Schedule> due = schedules.claimDue(now);
        if (due.isEmpty()) {
            return;
        }
        Schedule schedule = due.get();
        try {
            scans.start(ScanRequest.of(schedule.site(), schedule.pageLimit(), schedule.jurisdiction()), "schedule");
        } catch (ScanBusyException e) {
            schedules.retryAt(schedule.site(), now.plus(settings.scheduleCheck()));
        } catch (InvalidInputException e) {
            log.warn("The scheduled cookie scan of site {} cannot run: {}", schedule.site(), e.getMessage());
        }
    }
}
