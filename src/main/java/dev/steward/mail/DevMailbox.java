package dev.steward.mail;

import java.util.UUID;

/**
 * Delivery without an SMTP server: the message stays in the outbox, marked sent to the dev mailbox, where staff see
 * it exactly as it would have been sent ({@code /admin/mailbox}).
 */
class DevMailbox implements MailTransport {

    static final String NAME = "dev-mailbox";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(UUID message, Envelope envelope) {
        // nothing leaves the machine: the outbox row is the mailbox
    }
}
