package dev.steward.consent;

import dev.steward.catalog.Purpose;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.Optional;

/**
 * A reason to deny processing whatever the consent says, such as a restriction of processing (GDPR Art. 18). Beans
 * implementing it are asked on every consent decision.
 */
public interface ProcessingVeto {

    Optional<Veto> check(Question question);

    /** What the decision is about. */
    record Question(SubjectId subject, String site, Purpose purpose, String jurisdiction, Instant at) {}

    /** Why processing is refused: a stable code and a sentence for people. */
    record Veto(String reason, String explanation) {}
}
