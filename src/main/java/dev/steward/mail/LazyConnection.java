package dev.steward.mail;

import dev.steward.platform.Lease;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;

/** A transport connection opened at the first message sent, so that a batch with nothing to send opens none. */
final class LazyConnection implements MailTransport.Connection {

    private final MailTransport transport;
    private final Lease lease;
    private MailTransport.@Nullable Connection open;

    LazyConnection(MailTransport transport, Lease lease) {
        this.transport = transport;
        this.lease = lease;
    }

    @Override
    public void send(String messageId, Envelope envelope) throws MailException {
        opened().send(messageId, envelope);
    }

    @Override
    public void send(String messageId, Letter letter) throws MailException {
        opened().send(messageId, letter);
    }

    private MailTransport.Connection opened() {
        if (open == null) {
            open = transport.open(lease);
        }
        return open;
    }

    @Override
    public void close() {
        if (open != null) {
            open.close();
        }
    }
}
