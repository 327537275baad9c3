package dev.steward.cookies.scanner;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything a scan saw on the site's pages, in both passes, before it is held against the catalog. Addresses are kept
 * without their query strings, which may carry identifiers; cookie and storage values are never read.
 *
 * @param consentScript where the pages loaded Steward's banner from; null when they did not
 * @param problems what the crawl itself ran into: the banner missing, a time limit, a form the scanner did not send
 */
public record Crawl(
        List<VisitedPage> pages,
        List<SeenCookie> cookies,
        List<SeenStorage> storage,
        List<SeenHost> hosts,
        @Nullable String consentScript,
        List<Problem> problems) {

    /** A page the scan asked for: its address, the HTTP status it answered, or why it could not be read. */
    public record VisitedPage(
            String url, @Nullable Integer status, @Nullable String problem) {}

    /**
     * A cookie as the browser held it.
     *
     * @param lifetimeSeconds how long it was set to last when seen; null for a session cookie
     * @param setBy the script or response that set it, when the scanner saw that happen
     */
    public record SeenCookie(
            String name,
            String domain,
            String path,
            @Nullable Long lifetimeSeconds,
            boolean thirdParty,
            @Nullable String setBy,
            String firstPage,
            Set<Moment> moments) {}

    /** A key in the page's local or session storage. */
    public record SeenStorage(
            Area area, String key, @Nullable String setBy, String firstPage, Set<Moment> moments) {}

    public enum Area {
        LOCAL("local storage"),
        SESSION("session storage");

        private final String words;

        Area(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * A host of another party the pages sent requests to.
     *
     * @param types the kinds of resource requested (image, script, ping, ...), as the browser names them
     * @param example one address requested there, without its query
     * @param refused whether the outbound address rules kept the browser from connecting
     */
    public record SeenHost(
            String host,
            int port,
            Set<String> types,
            String example,
            String firstPage,
            Set<Moment> moments,
            boolean refused) {

        /** {@code host}, or {@code host:port} for a port that is not the scheme's own. */
        public String name() {
            return port < 0 ? host : host + ":" + port;
        }
    }
}
