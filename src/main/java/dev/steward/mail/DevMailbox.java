package dev.steward.mail;

import dev.steward.platform.Lease;

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
    public Connection open(Lease lease) {
        return new Connection() {
            @Override
            public void send(String messageId, Envelope envelope) {
                // nothing leaves the machine: the outbox row is the mailbox
            }

            @Override
            public void close() {
                // nothing was opened
            }
        };
    }
}
