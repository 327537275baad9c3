package dev.steward.rights;

import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The language a person last read a site in when they made a rights request there: the only language Steward keeps
 * for a person (requests keep it since V99), found by the address the request named.
 */
@Service
public class RequesterLanguages {

    private final RequestRepository requests;
    private final Identities identities;

    RequesterLanguages(RequestRepository requests, Identities identities) {
        this.requests = requests;
        this.identities = identities;
    }

    public Optional<String> last(String email, String site) {
        return requests.lastLanguage(identities.blindIndexOf(Identifier.email(email)), site);
    }
}
