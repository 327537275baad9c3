package dev.steward.inquiries;

import dev.steward.mail.MailStatus;
import dev.steward.mail.Mailer;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The replies kept with a case. A reply may quote the person or speak of their affairs, so its text is sealed under
 * the subject's key, bound to the reply, and goes when the subject's key goes.
 */
@Component
class Replies {

    private final InquiryRepository repository;
    private final Vault vault;
    private final Mailer mailer;

    Replies(InquiryRepository repository, Vault vault, Mailer mailer) {
        this.repository = repository;
        this.vault = vault;
        this.mailer = mailer;
    }

    CaseView.Reply keep(InquiryCase inquiry, String author, Instant at, UUID mail, String text) {
        UUID id = UUID.randomUUID();
        byte[] sealed = vault.seal(inquiry.subject(), text.getBytes(StandardCharsets.UTF_8), context(id));
        repository.insertReply(new StoredReply(id, inquiry.id(), author, at, mail, sealed));
        return new CaseView.Reply(id, author, at, text, delivery(mail));
    }

    /** The case went to another subject: its replies are sealed anew under that subject's key. */
    void moveTo(InquiryCase inquiry, SubjectId to) {
        for (StoredReply stored : repository.replies(inquiry.id())) {
            vault.open(inquiry.subject(), stored.sealedText(), context(stored.id()))
                    .ifPresent(text -> repository.resealReply(stored.id(), vault.seal(to, text, context(stored.id()))));
        }
        repository.moveToSubject(inquiry.id(), to);
    }

    /** The case's replies, oldest first, opened; none once the subject is erased. */
    List<CaseView.Reply> of(InquiryCase inquiry) {
        return repository.replies(inquiry.id()).stream()
                .flatMap(stored -> vault
                        .open(inquiry.subject(), stored.sealedText(), context(stored.id()))
                        .map(text -> new CaseView.Reply(
                                stored.id(),
                                stored.author(),
                                stored.sentAt(),
                                new String(text, StandardCharsets.UTF_8),
                                delivery(stored.mail())))
                        .stream())
                .toList();
    }

    private String delivery(UUID mail) {
        Optional<MailStatus> status = mailer.status(mail);
        return status.map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("deleted");
    }

    private static String context(UUID reply) {
        return "inquiry-reply:" + reply;
    }
}
