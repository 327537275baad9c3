package dev.steward.rights;

import dev.steward.platform.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Wrong verification codes per address, across every request naming it, in the database that all nodes share: after
 * {@link WrongCodeSettings#perAddress()} of them within the window, codes for the address are refused, right or wrong,
 * until the oldest leaves the window. The mailed link, which cannot be guessed, still works. Each check and count runs
 * under the address's lock ({@link RequestRepository#lockAddress}) in the caller's transaction, so that parallel
 * guesses cannot slip past the limit.
 */
@Component
class WrongCodes {

    private final WrongCodeRepository wrongCodes;
    private final WrongCodeSettings settings;
    private final Clock clock;

    WrongCodes(WrongCodeRepository wrongCodes, WrongCodeSettings settings, Clock clock) {
        this.wrongCodes = wrongCodes;
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses a code for the address while it has too many wrong ones. */
    void requireUnlocked(byte[] emailIndex) {
        lockedFor(emailIndex).ifPresent(wait -> {
            throw locked(wait);
        });
    }

    /** Counts a wrong code for the address; answers how long codes for it are now refused, if they are. */
    Optional<Duration> count(byte[] emailIndex) {
        wrongCodes.insert(emailIndex, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return lockedFor(emailIndex);
    }

    /** Wrong codes that left the window count no more, and nothing needs them. */
    int purge() {
        return wrongCodes.deleteBefore(clock.instant().minus(settings.window()));
    }

    private Optional<Duration> lockedFor(byte[] emailIndex) {
        Instant now = clock.instant();
        return wrongCodes
                .nthNewestSince(emailIndex, now.minus(settings.window()), settings.perAddress())
                .map(oldest -> Duration.between(now, oldest.plus(settings.window())));
    }

    static CodesLockedException locked(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        long minutes = Math.max(1, (seconds + 59) / 60);
        // a day's wait reads better in hours than as 1,440 minutes
        FieldError error = minutes <= 90
                ? FieldError.of("code", "too-many-wrong-codes", "error.rights.code.too-many-wrong-codes", minutes)
                : FieldError.of(
                        "code",
                        "too-many-wrong-codes",
                        "error.rights.code.too-many-wrong-codes-hours",
                        (minutes + 59) / 60);
        return new CodesLockedException(error, seconds);
    }
}
