package dev.steward.staff;

import com.github.benmanes.caffeine.cache.Cache;
import dev.steward.platform.HotCaches;
import dev.steward.platform.Notifications;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The check of a presented API key against the stored digest of its secret, with the verified keys cached briefly;
 * a revocation on any node evicts the key here ({@link ApiKeys#revoke}).
 *
 * <p>WHY apart from {@link ApiKeys}: that service's transactional methods make it a proxy, and a call through the
 * proxy, advised or not, looks up the method's interceptors and calls the target by reflection. The key is checked on
 * every API call (every consent decision), where that was a share of the CPU (bench/README.md); this has no
 * transaction to open.
 */
@Component
class KnownApiKeys {

    static final String CHANNEL = "steward_api_keys";
    static final String TOKEN_START = "stw_";

    /** How a key is named as a caller; no member's user name has a colon. */
    static final String CALLER_START = "api-key:";

    private final ApiKeyRepository repository;
    private final SecretDigests secrets = new SecretDigests();
    private final Cache<String, Optional<Known>> cache = HotCaches.builder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    /** Made once: a method reference to this object written at the call would be a new object on every call. */
    private final Function<String, Optional<Known>> load = this::load;

    KnownApiKeys(ApiKeyRepository repository, Notifications notifications) {
        this.repository = repository;
        notifications.subscribe(CHANNEL, prefix -> {
            if (prefix == null) {
                cache.invalidateAll();
            } else {
                cache.invalidate(prefix);
            }
        });
    }

    /** The caller a presented token stands for, if it is a live key. */
    Optional<ApiKeyPrincipal> authenticate(String token) {
        return authenticate(token, 0);
    }

    /**
     * The caller the token in {@code text} from {@code from} on stands for, if it is a live key; whitespace around
     * the token does not count. WHY from an offset: the token is read where it stands in the request's header, not
     * copied out of it for every call (bench/README.md).
     */
    Optional<ApiKeyPrincipal> authenticate(String text, int from) {
        int start = from;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start < text.length() && Character.isWhitespace(text.charAt(text.length() - 1))) {
            // whitespace after the token (never sent by an integrator's client): the token copied out, as it was
            return authenticate(text.substring(start).strip(), 0);
        }
        int secret = text.indexOf('_', start + TOKEN_START.length());
        if (!text.startsWith(TOKEN_START, start) || secret < 0) {
            return Optional.empty();
        }
        Known known = cache.get(text.substring(start + TOKEN_START.length(), secret), load)
                .orElse(null);
        return known != null && known.live() && secrets.matches(text, secret + 1, known.secretHash())
                ? known.answer()
                : Optional.empty();
    }

    /** This node forgets the key at once; the others when the revocation's notification reaches them. */
    void forget(String prefix) {
        cache.invalidate(prefix);
    }

    private Optional<Known> load(String prefix) {
        return repository
                .byPrefix(prefix)
                .map(stored -> new Known(
                        stored.secretHash(),
                        stored.key().revokedAt() == null,
                        new ApiKeyPrincipal(
                                stored.key().id(),
                                new Caller(
                                        CALLER_START + stored.key().name(),
                                        stored.key().kind(),
                                        stored.key().roles(),
                                        stored.key().sites()))));
    }

    /** A key as cached: its secret's digest, and the answer (its principal) built once for every call it answers. */
    private record Known(byte[] secretHash, boolean live, Optional<ApiKeyPrincipal> answer) {

        Known(byte[] secretHash, boolean live, ApiKeyPrincipal principal) {
            this(secretHash, live, Optional.of(principal));
        }
    }
}
