package dev.steward.rights;

import dev.steward.catalog.RightType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** How the console names a rights request's right, where it stands and how long is left to answer it. */
public final class RequestInWords {

    private RequestInWords() {}

    public static String right(RightType type) {
        return switch (type) {
            case WITHDRAW_CONSENT -> "Withdraw consent";
            case ACCESS -> "Access";
            case RECTIFICATION -> "Rectification";
            case ERASURE -> "Erasure";
            case RESTRICTION -> "Restriction of processing";
            case NOTIFICATION -> "Notification of recipients";
            case PORTABILITY -> "Data portability";
            case AUTOMATED_DECISIONS -> "Automated decisions";
            case OBJECTION -> "Objection";
            case COMPLAINT -> "Complaint";
            case DISCLOSURE -> "Disclosure of retained data";
            case AMENDMENT -> "Correction, addition or deletion";
            case DELETION -> "Cessation of use and deletion";
        };
    }

    public static String status(RequestStatus status) {
        return switch (status) {
            case AWAITING_VERIFICATION -> "Waiting for the requester to confirm the address";
            case RECEIVED -> "To answer";
            case COMPLETED -> "Answered";
            case DENIED -> "Refused";
            case EXPIRED -> "Never confirmed";
        };
    }

    /**
     * Days left to answer an open request, counted in whole calendar days (UTC) so that "due today" means the same to
     * everyone; empty when nothing runs.
     */
    public static String timeLeft(RightsRequest request, Instant now) {
        Instant deadline = request.deadline();
        if (deadline == null || request.status() != RequestStatus.RECEIVED) {
            return "";
        }
        long days = Duration.between(day(now), day(deadline)).toDays();
        if (request.overdue(now)) {
            return days >= 0 ? "Overdue" : "Overdue by " + plural(-days, "day");
        }
        return days == 0 ? "Due today" : plural(days, "day") + " left";
    }

    private static Instant day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** A request's status and deadline for a list: "To answer, 3 days left". */
    public static String standing(RightsRequest request, Instant now) {
        String left = timeLeft(request, now);
        return left.isEmpty()
                ? status(request.status())
                : status(request.status()) + ", " + left.toLowerCase(Locale.ROOT);
    }
}
