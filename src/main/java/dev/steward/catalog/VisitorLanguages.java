package dev.steward.catalog;

import dev.steward.platform.AcceptLanguage;
import dev.steward.platform.MessageBundle;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a visitor reads a site in: one the site declares, chosen with the language switch ({@code ?lang=de},
 * kept in the visitor's session for that site), else the best match of the browser's {@code Accept-Language}, else
 * the site's first language. Pages outside a site are in English, but for the list of sites in any language Steward
 * ships; the console has {@link ConsoleLanguages}. No cookie of its own: the session
 * already exists for the forms' CSRF protection.
 */
public class VisitorLanguages implements LocaleResolver {

    /**
     * A site's pages, and its visitor API (a website posting its visitor's form or request on their behalf, with their
     * browser's Accept-Language), so that what the visitor later reads is in their language.
     */
    private static final Pattern SITE_PATH = Pattern.compile("^/(?:s|api/v1/sites)/([^/]+)/");

    private static final String CHOSEN = "steward.language.";

    /** The site of a page whose address names none, once its controller knows it (see {@link #pageOf}). */
    private static final String PAGE_SITE = "steward.language.site";

    private final Catalogs catalogs;

    public VisitorLanguages(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Optional<Site> site = siteOf(request);
        if (site.isEmpty() && "/".equals(address(request))) {
            // the list of sites belongs to none of them: it speaks every language Steward ships
            return Locale.forLanguageTag(preferred(request.getHeader("Accept-Language"), MessageBundle.SHIPPED));
        }
        if (site.isEmpty() || (address(request).startsWith("/api/") && request.getHeader("Accept-Language") == null)) {
            return Locale.ENGLISH;
        }
        List<String> offered = declared(site.get());
        HttpSession session = request.getSession(false);
        Object chosen = session == null
                ? null
                : session.getAttribute(CHOSEN + site.get().key());
        if (chosen instanceof String language && offered.contains(language)) {
            return Locale.forLanguageTag(language);
        }
        return Locale.forLanguageTag(preferred(request.getHeader("Accept-Language"), offered));
    }

    /** Keeps the visitor's choice for the site, if the site offers that language; ignores any other. */
    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        siteOf(request)
                .filter(site -> locale != null && declared(site).contains(locale.getLanguage()))
                .ifPresent(site -> request.getSession().setAttribute(CHOSEN + site.key(), locale.getLanguage()));
    }

    /**
     * This request shows a page of the site although its address does not name the site (a consent receipt, whose
     * site is known once the receipt is read): from now on it is answered in the visitor's language among the site's.
     */
    public static void pageOf(HttpServletRequest request, Site site) {
        request.setAttribute(PAGE_SITE, site);
    }

    /** The languages a site offers, its default first. */
    public static List<String> declared(Site site) {
        return site.languages().isEmpty() ? List.of(site.language()) : site.languages();
    }

    /** The language of the request being served, as a tag ({@code de}); English outside a request. */
    public static String current() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    /** The language of the request being served if the site offers it, else the site's default. */
    public static String of(Site site) {
        String current = current();
        return declared(site).contains(current) ? current : site.language();
    }

    /**
     * The address the reader asked for: on the error page, the one that failed, so that the page is in the language its
     * reader would have read it in.
     */
    static String address(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed
                : request.getRequestURI();
    }

    static String preferred(@Nullable String acceptLanguage, List<String> offered) {
        return AcceptLanguage.preferred(acceptLanguage, offered);
    }

    private Optional<Site> siteOf(HttpServletRequest request) {
        if (request.getAttribute(PAGE_SITE) instanceof Site page) {
            return Optional.of(page);
        }
        Matcher path = SITE_PATH.matcher(address(request));
        return path.find() ? catalogs.site(path.group(1)) : Optional.empty();
    }
}
