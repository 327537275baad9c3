package dev.steward.mail;

import dev.steward.platform.Lease;
import org.springframework.mail.MailException;

/** Where delivered messages go: an SMTP server, or the dev mailbox when none is configured. */
interface MailTransport {

    /** Stored with each sent message, so staff can tell real deliveries from dev-mailbox ones. */
    String name();

    /** Sends the message with its Message-ID, aborting the attempt if it is still running at the lease's deadline. */
    void send(String messageId, Envelope envelope, Lease lease) throws MailException;
}
