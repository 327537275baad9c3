package dev.steward.mail;

import dev.steward.vault.SubjectId;
import org.jspecify.annotations.Nullable;

/**
 * A reason to keep mail to a person back for now, such as a restriction of processing (GDPR Art. 18). Beans
 * implementing it are asked before every delivery attempt, and again for held messages on every run, so a message
 * goes out once no hold applies any more. The category lets a hold exempt particular messages, such as the notice
 * that a restriction will be lifted ({@link OutgoingMail#RESTRICTION_LIFTING}).
 */
public interface MailHold {

    boolean holds(SubjectId subject, String site, MailKind kind, @Nullable String category);
}
