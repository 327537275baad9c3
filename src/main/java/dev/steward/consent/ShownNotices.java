package dev.steward.consent;

import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.notice.NoticeRendition;
import dev.steward.notice.PublishedNotices;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The rendition of the notice a person was shown when they acted on one of a site's pages served by Steward: the
 * version in the visitor's language (or the site's default where that version has no rendition in it) for their
 * jurisdiction. Imports, the API, staff and Steward itself show no page, so they name none.
 */
@Component
class ShownNotices {

    private static final Set<CollectionMethod> ON_SITE_PAGES = EnumSet.of(
            CollectionMethod.FORM,
            CollectionMethod.BANNER,
            CollectionMethod.ACCOUNT_PAGE,
            CollectionMethod.PRIVACY_CENTER,
            CollectionMethod.EMAIL_LINK);

    private final PublishedNotices notices;

    ShownNotices(PublishedNotices notices) {
        this.notices = notices;
    }

    Optional<NoticeRendition> of(CollectionMethod method, Site site, String version, String jurisdiction) {
        if (!ON_SITE_PAGES.contains(method)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
                || !servedBySteward(method, request.getRequest().getRequestURI())) {
            return Optional.empty();
        }
        return Optional.of(notices.rendition(
                notices.version(site.key(), version), jurisdiction, "privacy", VisitorLanguages.of(site)));
    }

    /**
     * A site's own pages; and the choices of Steward's cookie banner, which the consent script posts to the visitor
     * API with the browser's Accept-Language, the language it showed the banner in. A form posted to the API was
     * shown by the integrator's website, not by Steward.
     */
    private static boolean servedBySteward(CollectionMethod method, String path) {
        return path.startsWith("/s/") || (method == CollectionMethod.BANNER && path.startsWith("/api/v1/sites/"));
    }
}
