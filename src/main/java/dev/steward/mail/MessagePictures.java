package dev.steward.mail;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where the pictures of messages that do not carry their own come from: a campaign's messages take theirs from the
 * campaign (kept once, not in each sealed envelope), so the dev mailbox asks the module that sent them in order to
 * show them. Implemented by the module that keeps them; the mail module knows no campaign.
 */
public interface MessagePictures {

    /**
     * The pictures of each of the outbox messages given that this source sent; messages it did not send are left out.
     * The mailbox asks for one message at a time, as each frame of its page is opened.
     */
    Map<UUID, List<InlineImage>> of(Collection<UUID> messages);
}
