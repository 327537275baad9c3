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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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

    /** A key a member of staff makes. */
    public Created create(String name, Caller.Kind kind, Set<StaffRole> roles, Set<String> sites, Caller creator) {
        return create(name, kind, roles, sites, creator, Optional.empty());
    }

    /**
     * A key made by a member, or by the staff key {@code makingKey} (then {@code creator} is that key): it follows the
     * member behind it ({@link ApiKey#owner}), and the making key too.
     */
    @Transactional
    public Created create(
            String name,
            Caller.Kind kind,
            Set<StaffRole> roles,
            Set<String> sites,
            Caller creator,
            Optional<UUID> makingKey) {
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
        Optional<ApiKey> maker = makingKey.flatMap(repository::find);
        String owner = maker.map(ApiKey::owner).orElse(makingKey.isPresent() ? null : creator.name());
        Caller standing = standing(owner);
        requireWithinReach(standing, kind == Caller.Kind.STAFF ? roles : Set.of(), sites);
        if (maker.isPresent()) {
            requireWithinReach(creator, Set.of(), sites);
        }
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
                null,
                owner,
                maker.map(ApiKey::id).orElse(null));
        if (!covers(standing, key)) {
            throw new AccessDeniedException("Not permitted: the member behind the key may not make it.");
        }
        repository.insert(key, hash(secret));
        return new Created(key, TOKEN_START + prefix + "_" + secret);
    }

    /**
     * The member a new key follows, as they stand now, their row locked until the key is stored. WHY: the caller was
     * authenticated when the request came in; a change of their standing committed since then has already revoked
     * the keys it found ({@link #outranked}), so a key stored after it on the strength of the earlier sign-in would
     * outlast it. With the row locked, either the change waits for this key and then revokes it, or this waits for the
     * change and measures the key against it. A disabled member, or none, may make none.
     */
    private Caller standing(@Nullable String owner) {
        StaffUser member = (owner == null ? Optional.<StaffUser>empty() : users.findLocked(owner))
                .filter(found -> !found.disabled())
                .orElseThrow(() -> new AccessDeniedException("Not permitted: the member is disabled."));
        return new Caller(member.username(), Caller.Kind.STAFF, member.roles(), member.sites());
    }

    /**
     * Whether the member's standing still covers the key: a staff key's roles within the member's, an integrator or a
     * metrics key only while the member may make such keys (an administrator), and every key within their sites.
     */
    private static boolean covers(Caller standing, ApiKey key) {
        boolean roles = key.kind() == Caller.Kind.STAFF
                ? Permission.covers(standing.roles(), key.roles())
                : standing.may(Permission.MANAGE_API_KEYS);
        return roles && within(standing, key);
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
     * A member's standing changed: the keys they stand behind that it no longer covers (all of them once they are
     * disabled; a staff key whose roles or sites go beyond their new ones; an integrator or metrics key once they may
     * make none, or beyond their sites) are revoked, so that a key never outlasts the reach of the person behind it.
     * WHY integrator keys too (attack22): one records consents for everyone on its sites, and its secret was shown
     * once, to its maker; an administrator who left kept it. Answers how many were revoked.
     */
    @Transactional
    int outranked(StaffUser member) {
        Caller standing = new Caller(member.username(), Caller.Kind.STAFF, member.roles(), member.sites());
        List<ApiKey> gone = repository.all().stream()
                .filter(key -> key.revokedAt() == null && member.username().equals(key.owner()))
                .filter(key -> member.disabled() || !covers(standing, key))
                .toList();
        return gone.stream().mapToInt(this::revoked).sum();
    }

    /** The live keys of this member, for their page: what disabling or narrowing them would revoke. */
    List<ApiKey> ownedBy(String member) {
        return repository.all().stream()
                .filter(key -> key.revokedAt() == null && member.equals(key.owner()))
                .toList();
    }

    /**
     * The live keys no member stands behind: those a key made before keys were followed, whose member could not be
     * told from the making key's name ({@code api-key:…}). WHY: {@link #outranked} follows a key's member, and such a
     * key has none, so it would outlast the member whose key made it (disabled, or narrowed) for good. Revoked;
     * answers how many.
     */
    @Transactional
    int withoutMaker(Set<String> members) {
        List<ApiKey> gone = repository.all().stream()
                .filter(key -> key.revokedAt() == null && (key.owner() == null || !members.contains(key.owner())))
                .toList();
        return gone.stream().mapToInt(this::revoked).sum();
    }

    /**
     * Revokes the key and every live key it made (a leaked staff key's integrator keys would outlive its revocation);
     * answers how many went.
     */
    private int revoked(ApiKey key) {
        int count = repository.revoke(key.id(), clock.instant()) ? 1 : 0;
        known.forget(key.prefix());
        notifications.send(CHANNEL, key.prefix());
        for (ApiKey made : repository.madeBy(key.id())) {
            count += revoked(made);
        }
        return count;
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
