package dev.steward.rights;

import dev.steward.vault.SubjectErased;
import dev.steward.vault.SubjectsErased;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject settles their rights requests in the same transaction, whoever erased them: their own erasure
 * request, the holder deleting an account, retention, or a replay after a restore. Left alone, a restored access
 * request would wait in the queue for a person who no longer exists.
 */
@Component
class RequestErasure {

    private final RequestSettlement requests;

    RequestErasure(RequestSettlement requests) {
        this.requests = requests;
    }

    @EventListener
    void erased(SubjectErased event) {
        requests.settleErased(List.of(event.subject()), event.erasedAt());
    }

    @EventListener
    void erased(SubjectsErased event) {
        requests.settleErased(event.subjects(), event.erasedAt());
    }
}
