package dev.steward.accounts;

import dev.steward.vault.Identifier;
import java.util.Optional;

/** What a visitor types as their login: an e-mail address if it has an @, else a user name. */
final class Logins {

    private Logins() {}

    static Optional<Identifier> of(String login) {
        String value = login.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value.contains("@") ? Identifier.email(value) : Identifier.username(value));
    }
}
