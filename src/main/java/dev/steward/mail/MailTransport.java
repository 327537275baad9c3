package dev.steward.mail;

import java.util.UUID;
import org.springframework.mail.MailException;

/** Where delivered messages go: an SMTP server, or the dev mailbox when none is configured. */
interface MailTransport {

    /** Stored with each sent message, so staff can tell real deliveries from dev-mailbox ones. */
    String name();

    void send(UUID message, Envelope envelope) throws MailException;
}
