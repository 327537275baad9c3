package dev.steward.rights;

import dev.steward.vault.SubjectId;
import dev.steward.vault.SubjectKeepers;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A requester whose records are all gone still needs their identifiers and key until their request is answered: the
 * request's details are sealed under that key, and the answer goes to those identifiers.
 */
@Component
class OpenRequests implements SubjectKeepers {

    private final RequestRepository requests;

    OpenRequests(RequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public Set<SubjectId> keeping(Collection<SubjectId> subjects) {
        return requests.withOpenRequests(subjects);
    }
}
