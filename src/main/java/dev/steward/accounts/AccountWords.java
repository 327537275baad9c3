package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteTimes;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.notice.VisitorRegions;
import dev.steward.platform.FieldError;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the accounts module says to a visitor. A refusal keeps its field and code for programs and names its message in
 * the bundle ({@code account.refused.<what>.<code>}), worded where it is shown in the reader's language
 * ({@code ErrorWords}), so it needs no site; mails sent while the visitor waits are worded here in the language the
 * visitor reads the site in.
 */
@Component
class AccountWords {

    private final MessageSource messages;
    private final Catalogs catalogs;
    private final SiteTimes times;
    private final VisitorRegions regions;

    AccountWords(MessageSource messages, Catalogs catalogs, SiteTimes times, VisitorRegions regions) {
        this.messages = messages;
        this.catalogs = catalogs;
        this.times = times;
        this.regions = regions;
    }

    FieldError refusal(String field, String what, String code, Object... arguments) {
        return FieldError.of(field, code, "account.refused." + what + "." + code, arguments);
    }

    /** Why a sign-in, or a password typed again, was refused, for the field the visitor typed it in. */
    FieldError signInRefusal(String site, SignIn.Result result, String field) {
        return switch (result.outcome()) {
            case LOCKED -> refusal(field, "signIn", "locked", dayTime(site, result.lockedUntil()));
            case AWAITING_PARENT -> refusal(field, "signIn", "awaiting-parent");
            case UNVERIFIED -> refusal(field, "signIn", "unverified");
            default -> refusal(field, "signIn", "wrong-password");
        };
    }

    FieldError tooShort(String field) {
        return refusal(field, "registration", "too-short", Accounts.MIN_PASSWORD_LENGTH);
    }

    String words(String site, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale(site));
    }

    /** The site's name in the visitor's language. */
    String siteName(String site) {
        Site declared = catalogs.requireSite(site);
        return declared.name().in(VisitorLanguages.of(declared));
    }

    /**
     * A moment as the day and time of day in the visitor's words and on their region's clock, e.g. "2 March 2026,
     * 18:00 (JST)" for a visitor of the site's own zone, "2. März 2026, 10:00 (MEZ)" for one of its EU notice.
     */
    String dayTime(String site, Instant at) {
        return times.dayTime(at, catalogs.requireSite(site), region(site), locale(site));
    }

    /**
     * The jurisdiction of the visitor being answered, decided as for the notice they read (the country a proxy reports,
     * else their browser's languages, else the site's default); none outside a visitor's request.
     */
    @Nullable
    String region(String site) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? regions.resolve(site, null, request.getRequest())
                : null;
    }

    private Locale locale(String site) {
        return Locale.forLanguageTag(VisitorLanguages.of(catalogs.requireSite(site)));
    }
}
