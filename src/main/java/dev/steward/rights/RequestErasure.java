package dev.steward.rights;

import dev.steward.vault.ErasedSubjects;
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
    void erased(ErasedSubjects event) {
        requests.settleErased(event.subjects(), event.erasedAt());
    }
}
