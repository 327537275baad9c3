package dev.steward.retention;

import dev.steward.platform.NotFoundException;
import dev.steward.staff.Caller;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues a deletion certificate for each sweep run that did something, and shows them to staff. */
@Service
class DeletionCertificates {

    private final CertificateRepository repository;

    DeletionCertificates(CertificateRepository repository) {
        this.repository = repository;
    }

    @Transactional
    DeletionCertificate issue(
            SweepTally tally,
            String initiator,
            Instant sweptUntil,
            Instant startedAt,
            Instant finishedAt,
            long elapsedMillis) {
        UUID id = UUID.randomUUID();
        repository.append(new CertificateRepository.Draft(
                id,
                initiator,
                sweptUntil,
                startedAt,
                finishedAt,
                elapsedMillis,
                tally.batches(),
                tally.erased(),
                tally.kept(),
                repository.counts(tally.byActivity()),
                repository.counts(tally.byCategory()),
                repository.counts(tally.other()),
                tally.dueFrom(),
                tally.dueTo()));
        return repository.find(id).orElseThrow();
    }

    List<DeletionCertificate> recent(int limit, Caller caller) {
        return repository.recent(limit).stream()
                .map(certificate -> certificate.onlySites(caller::maySee))
                .toList();
    }

    DeletionCertificate get(UUID id, Caller caller) {
        return repository
                .find(id)
                .map(certificate -> certificate.onlySites(caller::maySee))
                .orElseThrow(() -> new NotFoundException("There is no deletion certificate " + id + "."));
    }
}
