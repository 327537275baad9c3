package dev.steward.staff;

/** What a member of staff may do. */
public enum StaffRole {
    /** Everything, including managing staff and API keys. */
    ADMIN,
    /** Reads and changes personal data, fulfils rights requests, places legal holds. */
    PRIVACY_OFFICER,
    /** Answers inquiries: reads and replies to cases. */
    SUPPORT_AGENT,
    /** Reads the evidence (ledger, audit trail, records of processing), never personal data. */
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
