package dev.steward.staff;

/** What a member of staff may do. */
public enum StaffRole {
    /** Everything, including managing staff and API keys. */
    ADMIN("Administrator"),
    /** Reads and changes personal data, fulfils rights requests, places legal holds. */
    PRIVACY_OFFICER("Privacy officer"),
    /** Answers inquiries: reads and replies to cases. */
    SUPPORT_AGENT("Support agent"),
    /** Reads the evidence (ledger, audit trail, records of processing), never personal data. */
    AUDITOR("Auditor");

    private final String label;

    StaffRole(String label) {
        this.label = label;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role's name for people, as the console shows it. */
    public String label() {
        return label;
    }
}
