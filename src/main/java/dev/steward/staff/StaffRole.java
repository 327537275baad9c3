package dev.steward.staff;

/** What a member of staff may do. */
public enum StaffRole {
    /** Everything, including managing staff and API keys. */
    ADMIN("Administrator", false),
    /** Reads and changes personal data, fulfils rights requests, places legal holds. */
    PRIVACY_OFFICER("Privacy officer", false),
    /** Answers inquiries: reads and replies to cases. */
    SUPPORT_AGENT("Support agent", false),
    /** Reads the evidence (ledger, audit trail, records of processing), never personal data. */
    AUDITOR("Auditor", true);

    private final String label;
    private final boolean readOnly;

    StaffRole(String label, boolean readOnly) {
        this.label = label;
        this.readOnly = readOnly;
    }

    /** A read-only role never changes anything: the {@link Permission} matrix grants it no action that does. */
    public boolean readOnly() {
        return readOnly;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role's name for people, as the console shows it. */
    public String label() {
        return label;
    }
}
