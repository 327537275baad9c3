package dev.steward.platform;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine caches read on every consent decision (the API key, its rate, the subject's key; the subject's consents have
 * their own cache, {@code consent.WordsCache}).
 *
 * <p>WHY: Caffeine records reads in small buffers and hands their draining (and expiry, eviction) to an executor, by
 * default the common fork-join pool, a single thread on a 2-core node: at tens of thousands of decisions a second that
 * thread was woken thousands of times a second, each wake-up a context switch beside the request threads (bench/
 * README.md). Run on the calling thread instead, the draining is the same work, done by whichever request filled the
 * buffer, without the hand-off.
 */
public final class HotCaches {

    private HotCaches() {}

    public static Caffeine<Object, Object> builder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}
