package dev.steward.catalog;

/** The body of data-protection law a jurisdiction applies. */
public enum Regime {
    /** EU General Data Protection Regulation (Regulation (EU) 2016/679). */
    GDPR,
    /** Japan's Act on the Protection of Personal Information. */
    APPI,
    /** United States federal and state law: notice and choice, COPPA for children. */
    US
}
