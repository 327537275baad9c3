package dev.steward.rights;

import dev.steward.vault.SubjectRows;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject settles their rights requests in the same transaction, whoever erased them: their own erasure
 * request, the holder deleting an account, retention, or a replay after a restore. Left alone, a restored access
 * request would wait in the queue for a person who no longer exists. Their portability transfers go with the data
 * they carry.
 */
@Component
class RequestErasure implements SubjectRows {

    @Override
    public List<String> erasure() {
        return Stream.concat(
                        RequestSettlement.OF_ERASED_SUBJECTS.stream(), Stream.of(TransferRepository.DELETE_OF_SUBJECTS))
                .toList();
    }
}
