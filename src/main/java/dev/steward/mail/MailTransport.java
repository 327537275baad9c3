package dev.steward.mail;

import dev.steward.platform.Lease;
import org.springframework.mail.MailException;

/** Where delivered messages go: an SMTP server, or the dev mailbox when none is configured. */
interface MailTransport {

    /** Stored with each sent message, so staff can tell real deliveries from dev-mailbox ones. */
    String name();

    /**
     * A connection for a batch of messages, reused from one message to the next; everything sent through it must be
     * over by the lease's deadline, when it is cut off.
     */
    Connection open(Lease lease);

    interface Connection extends AutoCloseable {

        /**
         * Sends the message with its Message-ID. A refusal is a {@link SmtpRefusal}, which says whether the server
         * refused it for good; any other failure may pass if tried again.
         */
        void send(String messageId, Envelope envelope) throws MailException;

        /** Sends a bulk message; a transport that cannot write it from its template sends its envelope. */
        default void send(String messageId, Letter letter) throws MailException {
            send(messageId, letter.envelope());
        }

        @Override
        void close();
    }
}
