package dev.steward.rights;

import dev.steward.vault.SubjectKeepers;
import org.springframework.stereotype.Component;

/**
 * A requester whose records are all gone still needs their identifiers and key until their request is answered: the
 * request's details are sealed under that key, and the answer goes to those identifiers.
 */
@Component
class OpenRequests implements SubjectKeepers {

    @Override
    public String keeps() {
        return RequestRepository.HAS_OPEN_REQUEST;
    }
}
