package dev.steward.cookies.scanner;

import dev.steward.catalog.Cookie;
import dev.steward.catalog.CookieBanner;
import dev.steward.catalog.CookieBanner.ConsentModel;
import dev.steward.catalog.Regime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When a category may be used, for the scan's visitor: strictly necessary ones always; the others not after the
 * visitor rejected them, and not before any choice where the banner asks first (the catalog's rule for the
 * jurisdiction, else its regime's: GDPR asks first).
 */
final class ConsentRules {

    private final ScanTarget target;

    ConsentRules(ScanTarget target) {
        this.target = target;
    }

    /**
     * The consent problems of something of this category seen at these moments; {@code byDatabase} when the category
     * is only the Open Cookie Database's suggestion.
     */
    List<Problem> check(Cookie.Category category, Set<Moment> moments, boolean byDatabase) {
        List<Problem> problems = new ArrayList<>();
        if (category == Cookie.Category.STRICTLY_NECESSARY) {
            return problems;
        }
        String counted = String.valueOf(byDatabase);
        if (moments.contains(Moment.BEFORE_CHOICE) && asksFirst(category)) {
            problems.add(Problem.violation(
                    "before-consent",
                    category.key(),
                    counted,
                    target.jurisdiction().key()));
        }
        if (moments.contains(Moment.AFTER_REJECTING)) {
            problems.add(Problem.violation("after-refusal", category.key(), counted));
        }
        return problems;
    }

    /** The category as the banner names it in the site's first language, else in plain words. */
    String name(Cookie.Category category) {
        CookieBanner banner = target.banner();
        return banner == null
                ? category.words()
                : banner.category(category)
                        .map(shown -> shown.name().in(target.site().language()))
                        .orElse(category.words());
    }

    private boolean asksFirst(Cookie.Category category) {
        CookieBanner banner = target.banner();
        if (banner != null && banner.category(category).isPresent()) {
            return banner.modelOf(banner.category(category).get(), target.jurisdiction()) == ConsentModel.OPT_IN;
        }
        return target.jurisdiction().regime() == Regime.GDPR;
    }
}
