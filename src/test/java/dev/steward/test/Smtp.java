package dev.steward.test;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What a test's SMTP server (GreenMail) received: real mailboxes, read as their owners read them. */
public final class Smtp {

    private Smtp() {}

    /** A port nothing listens on yet, for the test's SMTP server. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real SMTP server on the port, one for the whole test class. */
    public static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }

    /** Points the application under test at the test's SMTP server. */
    public static void sendTo(DynamicPropertyRegistry properties, int port) {
        properties.add("steward.mail.smtp.host", () -> "127.0.0.1");
        properties.add("steward.mail.smtp.port", () -> port);
    }

    /** The first message to the address whose subject line contains the words, once it has arrived. */
    public static MimeMessage awaitMessage(Supplier<MimeMessage[]> received, String address, String subjectLine) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Arrays.stream(received.get())
                                .filter(message -> recipient(message).equalsIgnoreCase(address)
                                        && subjectLine(message).contains(subjectLine))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    public static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subjectLine(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
