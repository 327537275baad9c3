package dev.steward.catalog;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a site's campaigns go out: the sender people see, where replies and unsubscribe mail go, which processing
 * activity evaluates how newsletters are read (tracking: only where the catalog declares it and the person's consent
 * to it covers it), which purposes operational mail serves (everyone with data of those purposes' activities
 * receives it, whatever their marketing choices), and the postal address every campaign's footer shows (the
 * controller's unless given here).
 *
 * @param tracking the key of the activity that evaluates opens and clicks
 * @param operational keys of purposes (not direct marketing) whose people operational mail reaches
 * @param unsubscribeMailbox an address whose mail the operator passes to Steward, for {@code mailto:} unsubscribing
 */
public record SiteMail(
        Sender from,
        @Nullable String replyTo,
        @Nullable String unsubscribeMailbox,
        @Nullable String tracking,
        List<String> operational,
        @Nullable String postalAddress) {

    /** A display name and an address, as the {@code From} header shows them. */
    public record Sender(@Nullable String name, String address) {

        /** The part after the {@code @}, in lower case: Message-IDs and DKIM signatures name it. */
        public String domain() {
            int at = address.lastIndexOf('@');
            return address.substring(at + 1).toLowerCase(Locale.ROOT);
        }
    }
}
