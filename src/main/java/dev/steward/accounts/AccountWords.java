package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteTimes;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.FieldError;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

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

    AccountWords(MessageSource messages, Catalogs catalogs, SiteTimes times) {
        this.messages = messages;
        this.catalogs = catalogs;
        this.times = times;
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

    /** A moment as the site's day and time of day in the visitor's words, e.g. "2 March 2026, 18:00 (JST)". */
    String dayTime(String site, Instant at) {
        return times.dayTime(at, catalogs.requireSite(site), locale(site));
    }

    private Locale locale(String site) {
        return Locale.forLanguageTag(VisitorLanguages.of(catalogs.requireSite(site)));
    }
}
