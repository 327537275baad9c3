package dev.steward.platform;

import org.jspecify.annotations.Nullable;

/**
 * A link from an e-mail that cannot act: pages answer it with {@code links/unusable}, the reason's status, what the
 * person can do instead and, where the thrower knows it, the site's header. Names no token and no personal data.
 */
public class UnusableLinkException extends RuntimeException {

    private final transient Page page;

    public UnusableLinkException(Page page) {
        super(page.reason().name());
        this.page = page;
    }

    /** What the page shows: why, a sentence about this kind of link, and where to go next. */
    public record Page(
            EmailLinks.Reason reason,
            @Nullable String siteKey,
            @Nullable String siteName,
            @Nullable Phrase detail,
            String nextHref,
            Phrase nextLabel) {}

    public Page page() {
        return page;
    }
}
