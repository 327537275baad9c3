package dev.steward.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a site's cookie banner says and how it asks: its texts, the cookie categories it asks about, whether a
 * jurisdiction asks before (opt-in) or lets visitors object (opt-out), the Google Consent Mode types each category
 * stands for, and how long a choice holds. The cookies themselves are the catalog's {@link Cookie}s; the choice is
 * kept in the strictly necessary cookie {@code choiceCookie} names.
 */
public record CookieBanner(
        @Nullable String site,
        String choiceCookie,
        @Nullable Span expiresAfter,
        Texts texts,
        Map<String, JurisdictionRules> jurisdictions,
        List<Category> categories) {

    /** How long a choice holds when the catalog does not say: twelve months. */
    public static final Span DEFAULT_EXPIRY = Span.parse("P12M");

    /** The consent types of Google Consent Mode v2, as Google spells them. */
    public static final List<String> CONSENT_MODE_TYPES = List.of(
            "ad_storage",
            "ad_user_data",
            "ad_personalization",
            "analytics_storage",
            "functionality_storage",
            "personalization_storage",
            "security_storage");

    public enum ConsentModel {
        /** Nothing of the category runs before the visitor agrees. */
        OPT_IN,
        /** The category runs unless the visitor objects (or their browser sends Global Privacy Control). */
        OPT_OUT
    }

    /**
     * Every text the banner shows, each in the site's languages. The banner's own texts must give the ones it shows;
     * a jurisdiction's texts replace any of them there.
     */
    public record Texts(
            @Nullable LocalizedText title,
            @Nullable LocalizedText description,
            @Nullable LocalizedText acceptAll,
            @Nullable LocalizedText rejectAll,
            @Nullable LocalizedText choose,
            @Nullable LocalizedText save,
            @Nullable LocalizedText alwaysOn,
            @Nullable LocalizedText cookieList,
            @Nullable LocalizedText policyLink,
            @Nullable LocalizedText receiptLink,
            @Nullable LocalizedText doNotSellOrShare,
            @Nullable LocalizedText gpcHonoured) {}

    /** How the banner asks in one jurisdiction; what is left out follows the jurisdiction's regime. */
    public record JurisdictionRules(
            @Nullable ConsentModel consent, @Nullable Texts texts) {}

    /**
     * A cookie category as the banner presents it. Consent to it is recorded in the ledger under {@code purpose};
     * {@code soldOrShared} marks cookies that sell or share personal information (cross-context advertising), which
     * "Do not sell or share" and Global Privacy Control switch off.
     */
    public record Category(
            Cookie.Category category,
            LocalizedText name,
            LocalizedText description,
            @Nullable String purpose,
            List<String> consentMode,
            boolean soldOrShared,
            Map<String, ConsentModel> consent) {

        public boolean necessary() {
            return category == Cookie.Category.STRICTLY_NECESSARY;
        }
    }

    public Span expiry() {
        return expiresAfter != null ? expiresAfter : DEFAULT_EXPIRY;
    }

    public Optional<Category> category(Cookie.Category key) {
        return categories.stream().filter(c -> c.category() == key).findFirst();
    }

    /**
     * Whether the category asks before it runs in the jurisdiction: the category's own rule, else the banner's rule
     * for the jurisdiction, else the regime's (GDPR asks first; the US and Japanese regimes let visitors object).
     */
    public ConsentModel modelOf(Category category, Jurisdiction jurisdiction) {
        if (category.necessary()) {
            return ConsentModel.OPT_OUT;
        }
        ConsentModel own = category.consent().get(jurisdiction.key());
        if (own != null) {
            return own;
        }
        JurisdictionRules rules = jurisdictions.get(jurisdiction.key());
        if (rules != null && rules.consent() != null) {
            return rules.consent();
        }
        return jurisdiction.regime() == Regime.GDPR ? ConsentModel.OPT_IN : ConsentModel.OPT_OUT;
    }

    /** The text as shown in the jurisdiction: its own where it gives one, else the banner's. */
    public @Nullable LocalizedText text(String jurisdiction, Function<Texts, @Nullable LocalizedText> text) {
        JurisdictionRules rules = jurisdictions.get(jurisdiction);
        LocalizedText own = rules == null || rules.texts() == null ? null : text.apply(rules.texts());
        return own != null ? own : text.apply(texts);
    }
}
