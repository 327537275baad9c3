package dev.steward.accounts;

import dev.steward.vault.Identifier;
import dev.steward.vault.SubjectId;
import java.util.List;

/**
 * An account to create for a subject who registered through a form. The logins are the form's user name and e-mail
 * fields, each with the form field it came from so that a refusal names it. A child's registration waits for a
 * parent's confirmation before it can be used.
 *
 * @param passwordField the form field the password was typed into
 */
public record Registration(
        String site, String form, SubjectId subject, List<Login> logins, String passwordField, boolean awaitingParent) {

    public Registration {
        logins = List.copyOf(logins);
    }

    /** A user name or e-mail address the account can be signed in with, and the form field that holds it. */
    public record Login(String field, Identifier identifier) {}
}
