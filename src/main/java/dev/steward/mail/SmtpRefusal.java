package dev.steward.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailSendException;

/**
 * The SMTP server answered a message with an error. A 5xx reply refuses it for good (trying again would get the same
 * answer); a 4xx reply is temporary. An enhanced status code of class 5.1 (bad mailbox or domain, RFC 3463) is a hard
 * bounce: the address cannot receive mail. Only the codes are kept: servers' texts often quote the address.
 */
public final class SmtpRefusal extends MailSendException {

    private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    private final int code;
    private final @Nullable String enhanced;

    private SmtpRefusal(int code, @Nullable String enhanced, MessagingException cause) {
        super("The SMTP server refused the message: " + code + (enhanced == null ? "" : " " + enhanced), cause);
        this.code = code;
        this.enhanced = enhanced;
    }

    /** The refusal in a failure of sending, if the server refused rather than the connection failing. */
    static @Nullable SmtpRefusal in(MessagingException failure) {
        for (Exception cause = failure; cause != null; cause = next(cause)) {
            int code = code(cause);
            if (code >= 400) {
                return new SmtpRefusal(code, enhanced(cause.getMessage()), failure);
            }
        }
        return null;
    }

    private static @Nullable Exception next(Exception cause) {
        return cause instanceof MessagingException messaging ? messaging.getNextException() : null;
    }

    private static int code(Exception cause) {
        if (cause instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (cause instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        if (cause instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return cause instanceof SendFailedException ? 0 : -1;
    }

    private static @Nullable String enhanced(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = ENHANCED.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }

    public int code() {
        return code;
    }

    public boolean permanent() {
        return code >= 500;
    }

    /** The mailbox or its domain does not exist: mail to it will never arrive. */
    public boolean hardBounce() {
        return permanent() && enhanced != null && enhanced.startsWith("5.1.");
    }

    /** The reply code and enhanced status code, safe to keep and show. */
    public String describe() {
        return code + (enhanced == null ? "" : " " + enhanced);
    }
}
