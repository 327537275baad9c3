package dev.steward.staff;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Notifications;
import dev.steward.platform.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of the form {@code stw_<prefix>_<secret>}. The prefix finds the key; only a SHA-256 of the 256-bit random
 * secret is stored (a slow password hash buys nothing for a secret this long, and every API call checks one).
 * Presented keys are checked by {@link KnownApiKeys}; revocation evicts them there on every node.
 */
@Service
public class ApiKeys {

    private static final String CHANNEL = KnownApiKeys.CHANNEL;
    private static final String TOKEN_START = KnownApiKeys.TOKEN_START;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository repository;
    private final Catalogs catalogs;
    private final Notifications notifications;
    private final Clock clock;
    private final KnownApiKeys known;
    private final StaffUserRepository users;

    ApiKeys(
            ApiKeyRepository repository,
            StaffUserRepository users,
            Catalogs catalogs,
            Notifications notifications,
            Clock clock,
            KnownApiKeys known) {
        this.repository = repository;
        this.users = users;
        this.catalogs = catalogs;
        this.notifications = notifications;
        this.clock = clock;
        this.known = known;
    }

    /** A new key with its secret, which is shown this once and never again. */
    public record Created(ApiKey key, String token) {}

    @Transactional
    public Created create(String name, Caller.Kind kind, Set<StaffRole> roles, Set<String> sites, Caller creator) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException(FieldError.of("name", "required", "error.staff.name.required"));
        }
        if (kind == Caller.Kind.ANONYMOUS) {
            throw new InvalidInputException(FieldError.of("kind", "invalid", "error.staff.kind.invalid"));
        }
        if (kind == Caller.Kind.STAFF && creator.name().startsWith(KnownApiKeys.CALLER_START)) {
            // a staff key goes when its member's standing does (outranked): one made by a key would outlast it
            throw new InvalidInputException(FieldError.of("kind", "staff-by-key", "error.staff.kind.staff-by-key"));
        }
        if (kind == Caller.Kind.STAFF && roles.isEmpty()) {
            throw new InvalidInputException(FieldError.of("roles", "required", "error.staff.roles.required"));
        }
        if (kind == Caller.Kind.METRICS && !sites.isEmpty()) {
            throw new InvalidInputException(FieldError.of("sites", "every-site", "error.staff.sites.every-site"));
        }
        for (String site : sites) {
            if (catalogs.site(site).isEmpty()) {
                throw new InvalidInputException(
                        FieldError.of("sites", "unknown-site", "error.common.site.unknown", site));
            }
        }
        requireWithinReach(
                kind == Caller.Kind.STAFF ? standing(creator) : creator,
                kind == Caller.Kind.STAFF ? roles : Set.of(),
                sites);
        String prefix = random(6);
        String secret = random(32);
        ApiKey key = new ApiKey(
                UUID.randomUUID(),
                prefix,
                name.strip(),
                kind,
                kind == Caller.Kind.STAFF ? Set.copyOf(roles) : Set.of(),
                Set.copyOf(sites),
                creator.name(),
                clock.instant(),
                null);
        repository.insert(key, hash(secret));
        return new Created(key, TOKEN_START + prefix + "_" + secret);
    }

    /**
     * The maker of a staff key as they stand now, their row locked until the key is stored. WHY: the caller was
     * authenticated when the request came in; a change of their standing committed since then has already revoked
     * the keys it found ({@link #outranked}), so a key stored after it on the strength of the earlier sign-in would
     * outlast it. With the row locked, either the change waits for this key and then revokes it, or this waits for the
     * change and measures the key against it. A disabled member may make none.
     */
    private Caller standing(Caller creator) {
        StaffUser maker = users.findLocked(creator.name())
                .filter(member -> !member.disabled())
                .orElseThrow(() -> new AccessDeniedException("Not permitted: the member is disabled."));
        return new Caller(maker.username(), Caller.Kind.STAFF, maker.roles(), maker.sites());
    }

    /**
     * A key may grant no more than its creator holds: an administrator of some sites cannot mint a key for every
     * site, or one whose roles permit an action the creator's do not. Any roles within that will do (an auditor's, to
     * read only), since what matters is what the key can do, not what its roles are called.
     */
    private static void requireWithinReach(Caller creator, Set<StaffRole> roles, Set<String> sites) {
        if (!creator.sites().isEmpty() && (sites.isEmpty() || !creator.sites().containsAll(sites))) {
            throw new InvalidInputException(FieldError.of(
                    "sites",
                    "beyond-your-sites",
                    "error.staff.sites.beyond-your-sites",
                    creator.sites().stream().sorted().toList()));
        }
        if (!Permission.covers(creator.roles(), roles)) {
            throw new InvalidInputException(
                    FieldError.of("roles", "beyond-your-roles", "error.staff.roles.beyond-your-roles"));
        }
    }

    /**
     * Every key's name by id, revoked ones too: what a consent an integrator relayed names as its evidence
     * ({@code api-key:<id>}) reads as. Names are labels staff chose, not secrets, and may repeat; the id does not.
     */
    public Map<UUID, String> names() {
        return repository.all().stream().collect(Collectors.toMap(ApiKey::id, ApiKey::name));
    }

    /** The keys the viewer may see and revoke: those confined to sites the viewer administers. */
    public List<ApiKey> visibleTo(Caller viewer) {
        return repository.all().stream().filter(key -> within(viewer, key)).toList();
    }

    private static boolean within(Caller viewer, ApiKey key) {
        return viewer.sites().isEmpty()
                || (!key.sites().isEmpty() && viewer.sites().containsAll(key.sites()));
    }

    @Transactional
    public void revoke(UUID id, Caller revoker) {
        ApiKey key = visibleTo(revoker).stream()
                .filter(k -> k.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no API key " + id + "."));
        revoked(key);
    }

    /**
     * A member's standing changed: the staff keys they made that it no longer covers (all of them once they are
     * disabled; those whose roles or sites go beyond their new ones) are revoked, so that a key never outlasts the
     * reach of the person who made it. Integrator and metrics keys serve integrations, not a person, and stay.
     * Answers how many were revoked.
     */
    @Transactional
    int outranked(StaffUser member) {
        Caller standing = new Caller(member.username(), Caller.Kind.STAFF, member.roles(), member.sites());
        List<ApiKey> gone = repository.all().stream()
                .filter(key -> key.revokedAt() == null
                        && key.kind() == Caller.Kind.STAFF
                        && key.createdBy().equals(member.username()))
                .filter(key ->
                        member.disabled() || !Permission.covers(member.roles(), key.roles()) || !within(standing, key))
                .toList();
        gone.forEach(this::revoked);
        return gone.size();
    }

    /**
     * The live staff keys no member made: those a key made before keys could make none ({@code api-key:…}). WHY:
     * {@link #outranked} follows a key's maker, and a key made by a key has no member to follow, so it would outlast
     * the member whose key made it (disabled, or narrowed) for good. Revoked; answers how many.
     */
    @Transactional
    int withoutMaker(Set<String> members) {
        List<ApiKey> gone = repository.all().stream()
                .filter(key -> key.revokedAt() == null
                        && key.kind() == Caller.Kind.STAFF
                        && !members.contains(key.createdBy()))
                .toList();
        gone.forEach(this::revoked);
        return gone.size();
    }

    private void revoked(ApiKey key) {
        repository.revoke(key.id(), clock.instant());
        known.forget(key.prefix());
        notifications.send(CHANNEL, key.prefix());
    }

    private static byte[] hash(String secret) {
        return Sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(random)
                .replace('_', 'x')
                .replace('-', 'y');
    }
}
