package dev.steward.newsletter;

import dev.steward.mail.MailKind;
import java.util.List;

/**
 * What a campaign can be sent to. A marketing list is a direct-marketing purpose with double opt-in: its people are
 * those with a current, confirmed consent to it. An operational audience is a purpose the site's mail section names
 * operational: its people are everyone holding data of the activities that serve it (all account holders, for
 * Omron's operational notices), whatever their marketing choices.
 *
 * @param activities the site's activities serving the purpose
 */
record MailingList(String site, String purpose, String name, MailKind kind, List<String> activities) {

    /** Public for the console's template, which may call only public methods. */
    public boolean marketing() {
        return kind == MailKind.MARKETING;
    }
}
