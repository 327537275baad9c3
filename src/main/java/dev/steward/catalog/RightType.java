package dev.steward.catalog;

/** The rights a data subject can exercise; which of them apply is declared per jurisdiction. */
public enum RightType {
    WITHDRAW_CONSENT,
    ACCESS,
    RECTIFICATION,
    ERASURE,
    RESTRICTION,
    NOTIFICATION,
    PORTABILITY,
    AUTOMATED_DECISIONS,
    OBJECTION,
    COMPLAINT,
    /** APPI: disclosure of retained personal data. */
    DISCLOSURE,
    /** APPI: correction, addition or deletion of content. */
    AMENDMENT,
    /** APPI: cessation of use and deletion. */
    DELETION
}
