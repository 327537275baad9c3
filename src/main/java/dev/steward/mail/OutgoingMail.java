package dev.steward.mail;

import dev.steward.vault.SubjectId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message to queue. The address, subject line and bodies are personal data: they are stored only sealed under the
 * subject's key, and {@link #toString()} leaves them out. A marketing message names the direct-marketing purpose
 * whose consent it needs; the category (a key, not prose) lets a {@link MailHold} recognise particular messages. The
 * secrets are the parts of the text meant for the recipient alone (a link's token, a code): staff reading the outbox
 * see them withheld.
 */
public record OutgoingMail(
        String site,
        SubjectId subject,
        MailKind kind,
        String to,
        String subjectLine,
        String text,
        @Nullable String html,
        @Nullable String purpose,
        @Nullable String category,
        List<String> secrets) {

    public OutgoingMail {
        secrets = List.copyOf(secrets);
    }

    public OutgoingMail(
            String site,
            SubjectId subject,
            MailKind kind,
            String to,
            String subjectLine,
            String text,
            @Nullable String html,
            @Nullable String purpose,
            @Nullable String category) {
        this(site, subject, kind, to, subjectLine, text, html, purpose, category, List.of());
    }

    /** The category of the notice that a restriction of processing will be lifted, which no restriction holds. */
    public static final String RESTRICTION_LIFTING = "restriction-lifting";

    /**
     * Mail that must reach a person after their data is erased, such as the confirmation of that erasure: it is
     * sealed with Steward's system key instead of the subject's, survives the erasure, and its content is destroyed
     * once it is sent.
     */
    public static final String AFTER_ERASURE = "after-erasure";

    /**
     * A reply a person wrote (an answer to an inquiry): unlike everything Steward generates, it is not marked {@code
     * Auto-Submitted}, so the recipient's mail software treats it as a personal message.
     */
    public static final String PERSONAL_REPLY = "personal-reply";

    /**
     * A notice change's mail, which tells every subject of its address at once but is sealed under one subject's key:
     * when erasing that subject deletes it before it left, the outbox keeps that it was lost ({@link Mailer#lost}),
     * so that the address's other subjects can be told again.
     */
    public static final String NOTICE_CHANGE = "notice-change";

    /** A message to a member of staff, such as a campaign's test: nobody's personal data, sealed with Steward's key. */
    public static final String STAFF = "staff";

    public static OutgoingMail service(String site, SubjectId subject, String to, String subjectLine, String text) {
        return new OutgoingMail(site, subject, MailKind.SERVICE, to, subjectLine, text, null, null, null);
    }

    public static OutgoingMail operational(String site, SubjectId subject, String to, String subjectLine, String text) {
        return new OutgoingMail(site, subject, MailKind.OPERATIONAL, to, subjectLine, text, null, null, null);
    }

    public static OutgoingMail marketing(
            String site, SubjectId subject, String purpose, String to, String subjectLine, String text) {
        return new OutgoingMail(site, subject, MailKind.MARKETING, to, subjectLine, text, null, purpose, null);
    }

    public OutgoingMail withHtml(@Nullable String html) {
        return new OutgoingMail(site, subject, kind, to, subjectLine, text, html, purpose, category, secrets);
    }

    public OutgoingMail withCategory(@Nullable String category) {
        return new OutgoingMail(site, subject, kind, to, subjectLine, text, html, purpose, category, secrets);
    }

    /** Marks parts of the message (a link's token, a code) as the recipient's alone: the outbox view withholds them. */
    public OutgoingMail withSecrets(String... secrets) {
        return new OutgoingMail(site, subject, kind, to, subjectLine, text, html, purpose, category, List.of(secrets));
    }

    @Override
    public String toString() {
        return "OutgoingMail[site=" + site + ", subject=" + subject + ", kind=" + kind + ", purpose=" + purpose
                + ", category=" + category + "]";
    }
}
