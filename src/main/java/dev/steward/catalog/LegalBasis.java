package dev.steward.catalog;

/**
 * The legal grounds a purpose can rest on. These come from the law, not from a company, so Steward ships
 * them; catalogs refer to them by key (for example {@code gdpr-6-1-a}).
 */
public enum LegalBasis {
    GDPR_6_1_A(Regime.GDPR, "Art. 6(1)(a) GDPR", "consent", true),
    GDPR_6_1_B(Regime.GDPR, "Art. 6(1)(b) GDPR", "performance of a contract or pre-contractual measures", false),
    GDPR_6_1_C(Regime.GDPR, "Art. 6(1)(c) GDPR", "compliance with a legal obligation", false),
    GDPR_6_1_D(Regime.GDPR, "Art. 6(1)(d) GDPR", "protection of vital interests", false),
    GDPR_6_1_E(Regime.GDPR, "Art. 6(1)(e) GDPR", "a task in the public interest", false),
    GDPR_6_1_F(Regime.GDPR, "Art. 6(1)(f) GDPR", "legitimate interests", false),
    GDPR_9_2_A(Regime.GDPR, "Art. 9(2)(a) GDPR", "explicit consent to special categories of data", true),
    GDPR_49_1_A(Regime.GDPR, "Art. 49(1)(a) GDPR", "explicit consent to the transfer", true),
    APPI_NOTIFIED_PURPOSE(
            Regime.APPI, "APPI Art. 18 and 21", "use within the purpose of use notified or published", false),
    APPI_CONSENT(Regime.APPI, "APPI Art. 18(1) and 27(1)", "prior consent of the principal", true),
    APPI_PERMITTED_BY_LAW(Regime.APPI, "APPI Art. 18(3)", "permitted by laws and regulations", false),
    US_NOTICE(Regime.US, "Notice at collection", "use described in this notice", false),
    US_OPT_IN(Regime.US, "Opt-in choice", "your choice to receive it", true);

    private final Regime regime;
    private final String citation;
    private final String description;
    private final boolean consent;
    private final String key;

    LegalBasis(Regime regime, String citation, String description, boolean consent) {
        this.regime = regime;
        this.citation = citation;
        this.description = description;
        this.consent = consent;
        this.key = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The key a catalog uses, e.g. {@code gdpr-6-1-a}. */
    public String key() {
        return key;
    }

    /** The body of law that provides this basis. */
    public Regime regime() {
        return regime;
    }

    public String citation() {
        return citation;
    }

    public String description() {
        return description;
    }

    /** Whether processing on this basis needs the data subject's consent, which can be withdrawn. */
    public boolean isConsent() {
        return consent;
    }
}
