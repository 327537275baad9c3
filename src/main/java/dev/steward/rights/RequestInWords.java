package dev.steward.rights;

import dev.steward.catalog.RightType;
import dev.steward.platform.ConsoleWords;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * How the console names a rights request's right, where it stands and how long is left to answer it, in the staff
 * member's language.
 */
@Component
public class RequestInWords {

    private final ConsoleWords words;

    RequestInWords(ConsoleWords words) {
        this.words = words;
    }

    public String right(RightType type) {
        return words.get("console.right." + type.name());
    }

    public String status(RequestStatus status) {
        return words.get("console.requestStatus." + status.name());
    }

    /**
     * Days left to answer an open request, counted in whole calendar days (UTC) so that "due today" means the same to
     * everyone; empty when nothing runs.
     */
    public String timeLeft(RightsRequest request, Instant now) {
        Instant deadline = request.deadline();
        if (deadline == null || request.status() != RequestStatus.RECEIVED) {
            return "";
        }
        long days = Duration.between(day(now), day(deadline)).toDays();
        if (request.overdue(now)) {
            return days >= 0 ? words.get("console.timeLeft.overdue") : words.get("console.timeLeft.overdueBy", -days);
        }
        return days == 0 ? words.get("console.timeLeft.today") : words.get("console.timeLeft.left", days);
    }

    private static Instant day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** A request's status and deadline for a list: "To answer (3 days left)". */
    public String standing(RightsRequest request, Instant now) {
        String left = timeLeft(request, now);
        return left.isEmpty()
                ? status(request.status())
                : words.get("console.request.standing", status(request.status()), left);
    }
}
