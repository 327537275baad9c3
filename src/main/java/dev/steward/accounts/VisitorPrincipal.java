package dev.steward.accounts;

import dev.steward.vault.SubjectId;
import java.io.Serializable;
import java.time.Instant;

/**
 * A visitor signed in to their account on one site. Kept in the session apart from any staff sign-in, and only valid
 * on its own site. {@code passwordAt} is when they last typed their password, which sensitive actions look at.
 */
record VisitorPrincipal(String site, String subjectId, Instant signedInAt, Instant passwordAt) implements Serializable {

    SubjectId subject() {
        return SubjectId.parse(subjectId);
    }

    VisitorPrincipal passwordConfirmedAt(Instant now) {
        return new VisitorPrincipal(site, subjectId, signedInAt, now);
    }

    @Override
    public String toString() {
        return "VisitorPrincipal[site=" + site + "]";
    }
}
