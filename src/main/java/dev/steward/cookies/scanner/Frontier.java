package dev.steward.cookies.scanner;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The pages still to visit, in the order found: the base address, the pages asked for, the sitemap's, then links
 * breadth first. Only web pages of the site's own origin get in, each once; files a browser would download or show
 * as they are (documents, images, media, archives) stay out.
 */
final class Frontier {

    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "(?i).*\\.(pdf|zip|gz|tgz|rar|7z|jpe?g|png|gif|webp|avif|svg|ico|mp3|mp4|m4a|ogg|wav|avi|mov|webm|"
                    + "docx?|xlsx?|pptx?|odt|ods|exe|dmg|iso|apk|css|js|mjs|json|xml|txt|csv|woff2?|ttf|otf|eot)$");

    private final ScanTarget target;
    private final Set<String> known = new HashSet<>();
    private final Queue<URI> queue = new ArrayDeque<>();

    Frontier(ScanTarget target) {
        this.target = target;
    }

    /** The pages a scan starts from. */
    static Frontier of(ScanTarget target) {
        Frontier frontier = new Frontier(target);
        frontier.offer(target.base().toString());
        target.urls().forEach(url -> frontier.offer(url.toString()));
        return frontier;
    }

    void offerAll(Collection<String> addresses) {
        addresses.forEach(this::offer);
    }

    void offer(String address) {
        URI page = WebAddresses.web(address);
        if (page != null
                && target.crawls(page)
                && !NOT_A_PAGE.matcher(page.getRawPath()).matches()
                && known.add(page.toString())) {
            queue.add(page);
        }
    }

    @Nullable
    URI next() {
        return queue.poll();
    }

    int waiting() {
        return queue.size();
    }
}
