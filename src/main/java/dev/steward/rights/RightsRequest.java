package dev.steward.rights;

import dev.steward.catalog.RightType;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request to exercise a right, as stored: nothing personal outside the sealed details.
 *
 * @param subject the requester; none once they were erased (the answered request stays as evidence, naming nobody)
 */
public record RightsRequest(
        UUID id,
        String site,
        String jurisdiction,
        RightType type,
        RequestStatus status,
        @Nullable SubjectId subject,
        Instant createdAt,
        @Nullable Instant receivedAt,
        @Nullable Instant dueAt,
        @Nullable Instant extendedTo,
        @Nullable String assignee,
        boolean repeated,
        @Nullable String fee,
        @Nullable UUID duplicateOf,
        @Nullable Instant closedAt,
        @Nullable String outcome,
        @Nullable String language) {

    /** Why a request that waited for its address's proof ended: the outcome staff read. */
    static final String NEVER_VERIFIED = "never verified";

    static final String WRONG_CODES = "too many wrong codes";

    /** The address's owner, by its verification link, said someone else made the request. */
    static final String DECLINED = "not asked by the address's owner";

    /** The status as the requester reads it: a request that wrong codes or its address ended says so. */
    public String statusWordsKey() {
        if (status == RequestStatus.EXPIRED && WRONG_CODES.equals(outcome)) {
            return "expired-wrong-codes";
        }
        return status == RequestStatus.EXPIRED && DECLINED.equals(outcome) ? "expired-declined" : status.key();
    }

    /** When it must be answered: the extended deadline if there is one. */
    public @Nullable Instant deadline() {
        return extendedTo != null ? extendedTo : dueAt;
    }

    public boolean overdue(Instant now) {
        return status == RequestStatus.RECEIVED && deadline() != null && now.isAfter(deadline());
    }

    public String typeKey() {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
