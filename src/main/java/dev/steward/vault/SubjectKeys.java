package dev.steward.vault;

import com.github.benmanes.caffeine.cache.Cache;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import com.google.crypto.tink.util.SecretBytes;
import dev.steward.platform.HotCaches;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each subject's data key: 32 random bytes for AES-256-GCM, stored only wrapped by the master key. Unwrapped keys
 * are cached briefly; erasing a subject evicts its key here and, through a notification, on every other node.
 */
@Component
class SubjectKeys {

    private static final AesGcmParameters PARAMETERS = parameters();

    private final MasterKey master;
    private final VaultRepository repository;
    private final Cache<SubjectId, Aead> cache = HotCaches.builder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /**
     * Keys of subjects created in bulk whose rows are not written or not committed yet (an import prepares a batch
     * while the previous one is copied): the database cannot answer for them yet, and they are not cached.
     */
    private final Map<SubjectId, Aead> unwritten = new ConcurrentHashMap<>();

    SubjectKeys(MasterKey master, VaultRepository repository) {
        this.master = master;
        this.repository = repository;
    }

    /** A new key for a new subject: the wrapped form to store, and the key to use at once. */
    Created create(SubjectId subject) {
        Created created = uncached(subject);
        cache.put(subject, created.aead());
        return created;
    }

    /**
     * A new key, as {@link #create} makes it, left out of the cache: subjects created by the thousand would push out
     * the keys of the people being served, and cost the cache's upkeep for keys seldom asked for again. The caller
     * holds it ({@link #unwritten}) until the subject's rows are written.
     */
    Created uncached(SubjectId subject) {
        byte[] raw = Random.randBytes(32);
        return new Created(master.wrap(raw, context(subject)), aead(raw));
    }

    /** The subject's key, or empty when the subject does not exist (never did, or was erased). */
    Optional<Aead> of(SubjectId subject) {
        Aead held = unwritten.get(subject);
        if (held != null) {
            return Optional.of(held);
        }
        Aead cached = cache.getIfPresent(subject);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Aead> loaded = repository.wrappedKey(subject).map(wrapped -> unwrap(subject, wrapped));
        loaded.ifPresent(aead -> cache.put(subject, aead));
        return loaded;
    }

    /** Whether {@link #of} would answer without a query: the key is held or cached. */
    boolean held(SubjectId subject) {
        return unwritten.containsKey(subject) || cache.getIfPresent(subject) != null;
    }

    /** Loads many subjects' keys with one query, unwrapping them in parallel, ahead of bulk work on them. */
    void preload(List<SubjectId> subjects) {
        List<SubjectId> missing = subjects.stream()
                .filter(subject -> cache.getIfPresent(subject) == null)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        repository.wrappedKeys(missing).entrySet().parallelStream()
                .forEach(entry -> cache.put(entry.getKey(), unwrap(entry.getKey(), entry.getValue())));
    }

    /**
     * Which of these subjects exist, as {@link #of} would answer for each, without unwrapping a key: a key held or
     * cached answers for its subject, one query for the rest. For bulk work that only has to know that its subjects
     * are still there (unwrapping 50,000 keys was a large part of an import's CPU).
     */
    Set<SubjectId> existing(Collection<SubjectId> subjects) {
        Set<SubjectId> existing = new HashSet<>();
        List<SubjectId> ask = new ArrayList<>();
        for (SubjectId subject : subjects) {
            if (unwritten.containsKey(subject) || cache.getIfPresent(subject) != null) {
                existing.add(subject);
            } else {
                ask.add(subject);
            }
        }
        if (!ask.isEmpty()) {
            existing.addAll(repository.existingSubjects(ask));
        }
        return existing;
    }

    void forget(SubjectId subject) {
        cache.invalidate(subject);
    }

    /** Keeps these new subjects' keys at hand until {@link #written}: their rows are not in the database yet. */
    void unwritten(Map<SubjectId, Aead> keys) {
        unwritten.putAll(keys);
    }

    /** Their rows are written: the cache and the database answer for them from now on. */
    void written(Collection<SubjectId> subjects) {
        subjects.forEach(unwritten::remove);
    }

    void forgetAll() {
        cache.invalidateAll();
    }

    private Aead unwrap(SubjectId subject, byte[] wrapped) {
        try {
            return aead(master.unwrap(wrapped, context(subject)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The data key of subject " + subject + " does not open with the master key set", e);
        }
    }

    static String context(SubjectId subject) {
        return "subject-key:" + subject;
    }

    static Aead aead(byte[] raw) {
        try {
            return AesGcmJce.create(AesGcmKey.builder()
                    .setParameters(PARAMETERS)
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AesGcmParameters parameters() {
        try {
            return AesGcmParameters.builder()
                    .setKeySizeBytes(32)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    record Created(byte[] wrapped, Aead aead) {}
}
