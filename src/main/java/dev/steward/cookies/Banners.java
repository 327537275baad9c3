package dev.steward.cookies;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.CookieBanner;
import dev.steward.catalog.CookieBanner.ConsentModel;
import dev.steward.catalog.CookieBanner.Texts;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Regime;
import dev.steward.catalog.Site;
import dev.steward.cookies.BannerView.CategoryView;
import dev.steward.cookies.BannerView.CookieView;
import dev.steward.notice.CookieRevisions;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.Durations;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds a site's banner from its catalog for one jurisdiction and language, under the notice version in force. */
@Component
class Banners {

    /** The texts in the order the banner shows them, which is the order of its wording. */
    private static final Map<String, Function<Texts, @Nullable LocalizedText>> TEXTS = texts();

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final CookieRevisions revisions;
    private final Durations durations;
    private final Clock clock;

    Banners(Catalogs catalogs, PublishedNotices notices, CookieRevisions revisions, Durations durations, Clock clock) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.revisions = revisions;
        this.durations = durations;
        this.clock = clock;
    }

    private static Map<String, Function<Texts, @Nullable LocalizedText>> texts() {
        Map<String, Function<Texts, @Nullable LocalizedText>> texts = new LinkedHashMap<>();
        texts.put("title", Texts::title);
        texts.put("description", Texts::description);
        texts.put("gpcHonoured", Texts::gpcHonoured);
        texts.put("acceptAll", Texts::acceptAll);
        texts.put("rejectAll", Texts::rejectAll);
        texts.put("doNotSellOrShare", Texts::doNotSellOrShare);
        texts.put("choose", Texts::choose);
        texts.put("save", Texts::save);
        texts.put("alwaysOn", Texts::alwaysOn);
        texts.put("cookieList", Texts::cookieList);
        texts.put("policyLink", Texts::policyLink);
        texts.put("receiptLink", Texts::receiptLink);
        return texts;
    }

    CookieBanner bannerOf(String site) {
        return catalogs.of(site)
                .cookieBannerOf(site)
                .orElseThrow(() -> new NotFoundException("Site '" + site + "' has no cookie banner."));
    }

    /** The language of the site closest to the visitor's preferences, else the site's first. */
    String language(String site, List<Locale> preferred) {
        Site declared = catalogs.requireSite(site);
        for (Locale locale : preferred) {
            for (String language : declared.languages()) {
                if (language.equalsIgnoreCase(locale.toLanguageTag())
                        || language.equalsIgnoreCase(locale.getLanguage())) {
                    return language;
                }
            }
        }
        return declared.language();
    }

    BannerView view(String siteKey, String jurisdictionKey, String language) {
        Catalog catalog = catalogs.of(siteKey);
        Site site = catalog.site(siteKey).orElseThrow();
        CookieBanner banner = bannerOf(siteKey);
        Jurisdiction jurisdiction = catalog.jurisdiction(jurisdictionKey).orElseThrow();
        BannerWords words = new BannerWords(language);
        List<CategoryView> categories = banner.categories().stream()
                .map(category -> category(catalog, site, banner, category, jurisdiction, words, language))
                .toList();
        boolean modal = categories.stream().anyMatch(CategoryView::optIn);
        boolean doNotSell =
                jurisdiction.regime() == Regime.US && categories.stream().anyMatch(c -> c.soldOrShared() && !c.optIn());
        boolean anySold = categories.stream().anyMatch(CategoryView::soldOrShared);
        Map<String, String> texts = new LinkedHashMap<>();
        TEXTS.forEach((key, text) -> {
            LocalizedText shown = banner.text(jurisdictionKey, text);
            boolean offered = switch (key) {
                case "doNotSellOrShare" -> doNotSell;
                case "gpcHonoured" -> anySold;
                default -> true;
            };
            if (shown != null && offered) {
                texts.put(key, words.of(shown));
            }
        });
        String wording = wording(texts, categories);
        Instant now = clock.instant();
        return new BannerView(
                siteKey,
                jurisdictionKey,
                language,
                notices.inForce(siteKey).version(),
                revisions.revision(siteKey),
                modal,
                doNotSell,
                banner.expiry().addTo(now).toEpochMilli() - now.toEpochMilli(),
                catalog.cookiesOf(siteKey).stream()
                        .filter(cookie -> cookie.key().equals(banner.choiceCookie()))
                        .findFirst()
                        .map(Cookie::name)
                        .orElseThrow(),
                texts,
                categories,
                wording,
                Sha256.hex(wording),
                words.partLanguages());
    }

    private CategoryView category(
            Catalog catalog,
            Site site,
            CookieBanner banner,
            CookieBanner.Category category,
            Jurisdiction jurisdiction,
            BannerWords words,
            String language) {
        List<Cookie> cookies = catalog.cookiesOf(site.key()).stream()
                .filter(cookie -> cookie.category() == category.category())
                .toList();
        return new CategoryView(
                category.category().key(),
                words.of(category.name()),
                words.of(category.description()),
                category.purpose() == null ? "" : category.purpose(),
                category.necessary(),
                banner.modelOf(category, jurisdiction) == ConsentModel.OPT_IN,
                category.soldOrShared(),
                category.consentMode(),
                cookies.stream()
                        .map(cookie -> new CookieView(
                                cookie.provider(),
                                words.of(cookie.purpose()),
                                // in the banner's language, as the cookie policy writes it ("12 Monate")
                                cookie.duration() == null
                                        ? ""
                                        : durations.stated(cookie.duration(), Locale.forLanguageTag(language))))
                        .toList(),
                cookies.stream()
                        .filter(cookie -> cookie.kind() != Cookie.Kind.WEB_BEACON && cookie.name() != null)
                        .map(Cookie::name)
                        .toList());
    }

    /** Every word the banner shows, in order, one element per line. */
    private static String wording(Map<String, String> texts, List<CategoryView> categories) {
        List<String> lines = new ArrayList<>(texts.values());
        for (CategoryView category : categories) {
            lines.add(category.name() + (category.necessary() ? " (" + texts.get("alwaysOn") + ")" : ""));
            lines.add(category.description());
            category.cookies()
                    .forEach(cookie -> lines.add(cookie.provider() + ": " + cookie.purpose()
                            + (cookie.duration().isEmpty() ? "" : " (" + cookie.duration() + ")")));
        }
        return String.join("\n", lines);
    }
}
