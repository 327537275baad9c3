package dev.steward.vault;

import org.springframework.stereotype.Component;

/**
 * Whether a subject exists (was created and not erased), answered from the subject key cache when it can be: what
 * {@link Vault#exists} answers.
 *
 * <p>WHY apart from the {@link Vault}: the vault's transactional methods make it a proxy, and every call through it,
 * advised or not, looks up the method's interceptors and calls the target by reflection. A consent decision asks
 * this on every call, where that was a share of the CPU (bench/README.md); the question needs no transaction.
 */
@Component
public class LiveSubjects {

    private final SubjectKeys keys;

    LiveSubjects(SubjectKeys keys) {
        this.keys = keys;
    }

    public boolean exists(SubjectId subject) {
        return keys.of(subject).isPresent();
    }
}
