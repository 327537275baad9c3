package dev.steward.consent;

import java.util.Locale;

/** What happened to a consent. */
public enum ConsentAction {
    GIVEN("Given"),
    WITHDRAWN("Withdrawn"),
    /** Confirmed from the person's mailbox (double opt-in) or by a parent for a child. */
    CONFIRMED("Confirmed"),
    RENEWED("Renewed"),
    /** Its validity period ran out. */
    LAPSED("Lapsed"),
    /** The person objected (GDPR Art. 21), e.g. to direct marketing. */
    OBJECTED("Objected to");

    private final String label;

    ConsentAction(String label) {
        this.label = label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How people read it. */
    public String label() {
        return label;
    }

    /** Whether, after this action, processing on consent may go on. */
    public boolean grants() {
        return this == GIVEN || this == CONFIRMED || this == RENEWED;
    }
}
