package dev.steward.cookies;

import dev.steward.platform.Sha256;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The random pseudonym a browser's cookie choices are recorded under: a subject of its own, with no identifier, found
 * again by a token only the browser holds (Steward keeps its SHA-256). Knowing a subject id, say from a receipt, gives
 * no way to record choices for it; a token Steward did not issue, or whose subject was erased, gets a new pseudonym.
 */
@Component
class VisitorPseudonyms {

    private final JdbcClient jdbc;
    private final Identities identities;
    private final Vault vault;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    VisitorPseudonyms(JdbcClient jdbc, Identities identities, Vault vault, Clock clock) {
        this.jdbc = jdbc;
        this.identities = identities;
        this.vault = vault;
        this.clock = clock;
    }

    record Pseudonym(SubjectId subject, String token) {}

    /** The pseudonym the token stands for on the site, or a new one. Runs in the caller's transaction. */
    Pseudonym of(String site, @Nullable String token) {
        if (token != null) {
            Optional<SubjectId> known = subjectOf(site, token).filter(vault::exists);
            if (known.isPresent()) {
                return new Pseudonym(known.get(), token);
            }
        }
        String issued = newToken();
        SubjectId subject = identities.newSubject(List.of());
        jdbc.sql(
                        "INSERT INTO cookie_visitor (token_sha256, site, subject, created_at) VALUES (:hash, :site, :subject, :at)")
                .param("hash", hash(issued))
                .param("site", site)
                .param("subject", subject.value())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return new Pseudonym(subject, issued);
    }

    /** Erasing people forgets their tokens: the browser then starts afresh ({@link dev.steward.vault.SubjectRows}). */
    static final String DELETE_OF_SUBJECTS = "DELETE FROM cookie_visitor WHERE subject = ANY(:subjects)";

    private Optional<SubjectId> subjectOf(String site, String token) {
        return jdbc.sql("SELECT subject FROM cookie_visitor WHERE token_sha256 = :hash AND site = :site")
                .param("hash", hash(token))
                .param("site", site)
                .query((rs, row) -> new SubjectId(rs.getObject("subject", UUID.class)))
                .optional();
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        return Sha256.digest(token.getBytes(StandardCharsets.UTF_8));
    }
}
