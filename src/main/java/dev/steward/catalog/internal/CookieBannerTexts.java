package dev.steward.catalog.internal;

import dev.steward.catalog.CookieBanner;
import dev.steward.catalog.CookieBanner.Category;
import dev.steward.catalog.CookieBanner.Texts;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Site;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks a cookie banner's words: every text the banner shows is given, and every text, the jurisdictions' own and the
 * categories' names and descriptions included, exists in every language the site declares.
 */
final class CookieBannerTexts {

    /** The texts every banner shows; the others only where their feature applies. */
    private static final Map<String, Function<Texts, @Nullable LocalizedText>> REQUIRED_TEXTS = Map.of(
            "title", Texts::title,
            "description", Texts::description,
            "acceptAll", Texts::acceptAll,
            "rejectAll", Texts::rejectAll,
            "choose", Texts::choose,
            "save", Texts::save,
            "alwaysOn", Texts::alwaysOn,
            "cookieList", Texts::cookieList,
            "policyLink", Texts::policyLink,
            "receiptLink", Texts::receiptLink);

    /** Where a problem goes: the element, the path of the value within it, the message. */
    interface Reporter {
        void report(Object element, String path, String message);
    }

    private final Site site;
    private final CookieBanner banner;
    private final String name;
    private final Reporter reporter;

    CookieBannerTexts(Site site, CookieBanner banner, String name, Reporter reporter) {
        this.site = site;
        this.banner = banner;
        this.name = name;
        this.reporter = reporter;
    }

    void check() {
        boolean offersDoNotSell = banner.categories().stream().anyMatch(Category::soldOrShared);
        Map<String, Function<Texts, @Nullable LocalizedText>> required = new HashMap<>(REQUIRED_TEXTS);
        if (offersDoNotSell) {
            required.put("doNotSellOrShare", Texts::doNotSellOrShare);
            required.put("gpcHonoured", Texts::gpcHonoured);
        }
        if (banner.texts() != null) {
            required.forEach((key, text) -> {
                if (text.apply(banner.texts()) == null) {
                    reporter.report(banner.texts(), "", name + " is missing text '" + key + "'");
                }
            });
            checkLanguages(banner.texts());
        }
        banner.jurisdictions().values().stream()
                .filter(rules -> rules.texts() != null)
                .forEach(rules -> checkLanguages(rules.texts()));
        for (Category category : banner.categories()) {
            checkLanguage(category, "name", category.name());
            checkLanguage(category, "description", category.description());
        }
    }

    private void checkLanguages(Texts texts) {
        for (var component : Texts.class.getRecordComponents()) {
            try {
                checkLanguage(texts, component.getName(), (LocalizedText)
                        component.getAccessor().invoke(texts));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void checkLanguage(Object element, String path, @Nullable LocalizedText text) {
        if (text == null) {
            return;
        }
        List<String> languages = site.languages().isEmpty() ? List.of(site.language()) : site.languages();
        for (String language : languages) {
            if (!text.byLanguage().containsKey(language)) {
                reporter.report(
                        element,
                        path,
                        name + ": text '" + path + "' has no '" + language + "' version, and the site declares"
                                + " that language");
            }
        }
    }
}
