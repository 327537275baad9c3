package dev.steward.catalog;

import dev.steward.platform.MessageBundle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language a staff member reads the console in: the one chosen with the console's language switch
 * ({@code ?lang=ja}), remembered in a cookie for a year so that it outlives signing out, else the best match of the
 * browser's {@code Accept-Language} among the languages Steward ships, else English. Spring's cookie resolver keeps
 * the cookie; this class only refuses a language Steward has no words for, whether asked for or found in the cookie.
 */
public class ConsoleLanguages implements LocaleResolver {

    private final CookieLocaleResolver cookie = new CookieLocaleResolver("steward-console-language");

    public ConsoleLanguages() {
        cookie.setCookiePath("/");
        cookie.setCookieMaxAge(Duration.ofDays(365));
        cookie.setCookieHttpOnly(true);
        cookie.setCookieSameSite("Lax");
        cookie.setRejectInvalidCookies(true);
        cookie.setDefaultLocaleFunction(ConsoleLanguages::fromBrowser);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale chosen = cookie.resolveLocale(request);
        return MessageBundle.SHIPPED.contains(chosen.getLanguage())
                ? Locale.forLanguageTag(chosen.getLanguage())
                : fromBrowser(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (locale != null && MessageBundle.SHIPPED.contains(locale.getLanguage())) {
            cookie.setCookieSecure(request.isSecure());
            cookie.setLocale(request, response, Locale.forLanguageTag(locale.getLanguage()));
        }
    }

    private static Locale fromBrowser(HttpServletRequest request) {
        return Locale.forLanguageTag(
                VisitorLanguages.preferred(request.getHeader("Accept-Language"), MessageBundle.SHIPPED));
    }
}
