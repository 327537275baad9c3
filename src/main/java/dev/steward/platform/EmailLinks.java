package dev.steward.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Links sent by e-mail that do something: confirm a request, decide on a child's form, confirm a subscription, choose
 * a new password, download a copy of one's data. Mail scanners and link previews open every link of a message, and
 * people open a link twice, so every such link follows one pattern:
 *
 * <ul>
 *   <li>opening it ({@code GET}) shows a page saying what its button will do, and changes nothing, however often;
 *   <li>the page's button posts to the same address with the CSRF token ({@code fragments/links :: button}); only
 *       that acts, once, and of two concurrent posts one wins, the other being sent back to the page ({@link Button});
 *   <li>a link that can no longer act answers with a page saying why and what to do instead ({@link
 *       UnusableLinkException}), never a bare error;
 *   <li>every answer is kept out of caches, referrers and search indexes ({@link #secret}), since the address is the
 *       secret.
 * </ul>
 */
public final class EmailLinks {

    private EmailLinks() {}

    /**
     * Marks the handler of a link's button: a press refused for its CSRF token (the second of two presses, a page left
     * open too long) is sent back to the link's page, which says where things stand ({@link StaleForms}).
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Button {

        /** What the button's address adds to its page's ({@code /confirm}); nothing where it posts to the page. */
        String after() default "";
    }

    /**
     * Why a link cannot act (any more); the page says it in the reader's language from the messages {@code
     * link.<reason>.heading} and {@code link.<reason>.text}.
     */
    public enum Reason {
        USED(HttpStatus.GONE),
        EXPIRED(HttpStatus.GONE),
        LOCKED(HttpStatus.GONE),
        UNKNOWN(HttpStatus.NOT_FOUND);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }

        /** The start of this reason's message codes. */
        public String code() {
            return "link." + name().toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * What a used or expired link of one kind means ({@code <kind>.used}, {@code <kind>.expired}); a locked or
         * unknown link needs no more than its heading.
         */
        public @Nullable Phrase detail(String kind) {
            return this == USED || this == EXPIRED
                    ? Phrase.of(kind + "." + name().toLowerCase(java.util.Locale.ROOT))
                    : null;
        }
    }

    /**
     * Marks an answer to a request through a secret link: never stored by a cache or the browser's back button, never
     * sent on as a referrer to the next page, never indexed.
     */
    public static void secret(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex");
    }
}
