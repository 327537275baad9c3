package dev.steward.newsletter;

import dev.steward.mail.TrackedLinks;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A campaign message as staff see it in the mailbox: each click redirect ({@link CampaignUrls#click}) as the campaign's
 * link it leads to, found without recording a click, and the tracking pixel as nothing. Any host is matched, so that
 * a message sent under an earlier public address is shown untracked too.
 */
@Component
class UntrackedForStaff implements TrackedLinks {

    private static final Pattern TRACKED = Pattern.compile(
            "https?://[^/\\s\"'<>]+/s/([a-z0-9-]+)/n/([0-9a-fA-F-]{36})/(?:c/(\\d{1,3})|o)/([0-9a-fA-F]+)");

    private final Tracking tracking;

    UntrackedForStaff(Tracking tracking) {
        this.tracking = tracking;
    }

    @Override
    public String untracked(String content, boolean html) {
        if (!content.contains("/n/")) {
            return content;
        }
        Matcher matcher = TRACKED.matcher(content);
        StringBuilder shown = new StringBuilder(content.length());
        while (matcher.find()) {
            String destination = destination(matcher).orElse("");
            matcher.appendReplacement(
                    shown, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(destination) : destination));
        }
        matcher.appendTail(shown);
        return shown.toString();
    }

    /** Where a click redirect leads; nothing for the pixel, or a link the campaign does not have. */
    private Optional<String> destination(Matcher link) {
        if (link.group(3) == null) {
            return Optional.empty();
        }
        try {
            return tracking.clicked(
                    link.group(1),
                    UUID.fromString(link.group(2)),
                    Integer.parseInt(link.group(3)),
                    link.group(4),
                    false);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
