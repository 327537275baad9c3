package dev.steward.consent;

import java.util.Locale;

/** What happened to a consent. */
public enum ConsentAction {
    GIVEN,
    WITHDRAWN,
    /** Confirmed from the person's mailbox (double opt-in) or by a parent for a child. */
    CONFIRMED,
    RENEWED,
    /** Its validity period ran out. */
    LAPSED,
    /** The person objected (GDPR Art. 21), e.g. to direct marketing. */
    OBJECTED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether, after this action, processing on consent may go on. */
    public boolean grants() {
        return this == GIVEN || this == CONFIRMED || this == RENEWED;
    }
}
