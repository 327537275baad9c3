package dev.steward.vault;

import java.time.Instant;

/**
 * Why a record may not be erased now, and until when: a legal hold staff placed, or a statutory minimum the catalog
 * declares. The reason is the hold's reference or the catalog's statutory reason, fit to tell whoever asked.
 * {@code wholeSubject}: a legal hold on the whole person (every site's records), which only staff of every site place,
 * see and release.
 */
public record ErasureBlocker(
        RecordId record, String site, String activity, Kind kind, String reason, Instant until, boolean wholeSubject) {

    public enum Kind {
        LEGAL_HOLD,
        STATUTORY_MINIMUM
    }

    /**
     * Whether staff limited to some sites read the reason. WHY not a hold's on the whole person: it was placed by staff
     * of every site, for a matter that may be another site's, and their list of holds does not show it either
     * (attack22 L2); they are told only that such a hold keeps their site's record (attack23).
     */
    public boolean reasonForStaffOfSomeSites() {
        return !wholeSubject;
    }
}
