package dev.steward.rights;

import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to an access request (GDPR Art. 15) is the {@link AccessExport}; the answer to a portability request (Art.
 * 20) is the data they provided as JSON in the documented schema ({@code docs/portability.schema.json}). Either is
 * encrypted under the subject's key and offered to the requester for {@link #VALID_FOR} through a link and a code sent
 * to their verified address ({@link PackageDownloads}); then its content is deleted, and the row keeps what staff are
 * told.
 */
@Component
class AccessPackages {

    static final Duration VALID_FOR = Duration.ofDays(7);
    static final String PORTABILITY_SCHEMA = "https://steward.dev/schemas/portability/v1";

    private final AccessExport exports;
    private final Requesters requesters;
    private final SubjectData data;
    private final AccessPackageRepository packages;
    private final Vault vault;
    private final JsonMapper json;
    private final RequestWords words;
    private final Clock clock;

    AccessPackages(
            AccessExport exports,
            SubjectData data,
            Requesters requesters,
            AccessPackageRepository packages,
            Vault vault,
            JsonMapper json,
            RequestWords words,
            Clock clock) {
        this.words = words;
        this.requesters = requesters;
        this.exports = exports;
        this.data = data;
        this.packages = packages;
        this.vault = vault;
        this.json = json;
        this.clock = clock;
    }

    /** A package just released: its link's token and its code, for the mail alone (neither is stored). */
    record Released(UUID id, String token, String code, Instant expiresAt) {

        @Override
        public String toString() {
            return "Released[until " + expiresAt + "]";
        }
    }

    /** Builds and stores the access package. */
    Released access(RightsRequest request) {
        return store(
                request,
                exports.of(requesters.reach(request), request.site(), request.jurisdiction(), words.language(request)));
    }

    /** The portable data as JSON; pushed to the address the subject gave, if any, by the caller. */
    byte[] portable(RightsRequest request) {
        Map<String, Object> document = Map.of(
                "$schema", PORTABILITY_SCHEMA,
                "subject", request.subject().toString(),
                "exportedAt", clock.instant().toString(),
                "records", data.provided(requesters.reach(request), request.site()));
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    Released portability(RightsRequest request, byte[] document) {
        return store(request, document);
    }

    /** The request's packages as staff read about them, in the language of the page or API call they read. */
    List<PackageSummary> ofRequest(RightsRequest request) {
        Instant now = clock.instant();
        Locale reader = LocaleContextHolder.getLocale();
        return packages.ofRequest(request.id()).stream()
                .map(stored -> {
                    String state = state(stored, now);
                    return new PackageSummary(
                            stored.createdAt(),
                            stored.expiresAt(),
                            stored.downloads(),
                            stored.lastDownloadedAt(),
                            state,
                            words.packageSummary(
                                    request,
                                    reader,
                                    stored.createdAt(),
                                    stored.expiresAt(),
                                    state,
                                    stored.downloads(),
                                    stored.lastDownloadedAt()));
                })
                .toList();
    }

    static String state(AccessPackageRepository.Stored stored, Instant now) {
        if (stored.lockedAt() != null) {
            return stored.replacedBy() != null ? PackageSummary.REPLACED : PackageSummary.LOCKED;
        }
        return stored.held() && now.isBefore(stored.expiresAt()) ? PackageSummary.AVAILABLE : PackageSummary.EXPIRED;
    }

    /** The package's content, while it is held and its subject's key lives. */
    Optional<byte[]> open(AccessPackageRepository.Stored stored) {
        return packages.content(stored.id())
                .flatMap(content -> vault.open(stored.subject(), content, context(stored.id())));
    }

    /** Deletes the content of packages past their window; answers how many. */
    @Transactional
    int purgeExpired() {
        return packages.purgeExpired(clock.instant());
    }

    /**
     * The same content under a new link and code, until the same day, as a new package: for a link that wrong codes
     * locked, so that whoever typed them (a stranger holding the forwarded or scanned link) cannot destroy the
     * requester's copy. Nothing when the content is gone already.
     */
    Optional<Released> relink(AccessPackageRepository.Stored locked) {
        if (!locked.held() || !clock.instant().isBefore(locked.expiresAt())) {
            return Optional.empty();
        }
        return open(locked).map(content -> store(locked.request(), locked.subject(), content, locked.expiresAt()));
    }

    private Released store(RightsRequest request, byte[] content) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store(request.id(), request.subject(), content, now.plus(VALID_FOR));
    }

    private Released store(UUID request, SubjectId subject, byte[] content, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        String token = Tokens.token();
        String code = Tokens.code();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AccessPackageRepository.Stored stored = new AccessPackageRepository.Stored(
                id, request, subject, Tokens.hash(id, code), true, 0, null, 0, null, now, expiresAt, null);
        packages.insert(stored, vault.seal(subject, content, context(id)), Tokens.hash(token));
        return new Released(id, token, code, stored.expiresAt());
    }

    private static String context(UUID pkg) {
        return "access-package:" + pkg;
    }
}
