package dev.steward.cookies;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for banner choices. Rows are only ever inserted; a trigger refuses changes. */
@Repository
class CookieChoiceRepository {

    private final JdbcClient jdbc;

    CookieChoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredChoice choice) {
        jdbc.sql("""
                        INSERT INTO cookie_choice (id, site, jurisdiction, language, notice_version, wording_sha256,
                            choice, granted, refused, gpc, signed_in, categories, events, occurred_at)
                        VALUES (:id, :site, :jurisdiction, :language, :version, :hash, :choice, :granted, :refused,
                            :gpc, :signedIn, :categories, :events, :at)
                        """)
                .param("id", choice.id())
                .param("site", choice.site())
                .param("jurisdiction", choice.jurisdiction())
                .param("language", choice.language())
                .param("version", choice.noticeVersion())
                .param("hash", choice.wordingSha256())
                .param("choice", choice.choice())
                .param("granted", choice.granted().toArray(String[]::new))
                .param("refused", choice.refused().toArray(String[]::new))
                .param("gpc", choice.gpc())
                .param("signedIn", choice.signedIn())
                .param("categories", choice.categories().toArray(String[]::new))
                .param("events", choice.events().toArray(UUID[]::new))
                .param("at", choice.occurredAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<StoredChoice> find(String site, UUID id) {
        return jdbc.sql("SELECT * FROM cookie_choice WHERE id = :id AND site = :site")
                .param("id", id)
                .param("site", site)
                .query((rs, row) -> new StoredChoice(
                        rs.getObject("id", UUID.class),
                        rs.getString("site"),
                        rs.getString("jurisdiction"),
                        rs.getString("language"),
                        rs.getString("notice_version"),
                        rs.getString("wording_sha256"),
                        rs.getString("choice"),
                        strings(rs.getArray("granted")),
                        strings(rs.getArray("refused")),
                        rs.getBoolean("gpc"),
                        rs.getBoolean("signed_in"),
                        strings(rs.getArray("categories")),
                        Arrays.asList((UUID[]) rs.getArray("events").getArray()),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** How many chose what, per banner version (notice version and wording) and jurisdiction, newest version first. */
    List<ChoiceCount> counts(String site) {
        return jdbc.sql("""
                        SELECT notice_version, wording_sha256, jurisdiction, choice, gpc, count(*) AS choices,
                               max(occurred_at) AS latest
                        FROM cookie_choice WHERE site = :site
                        GROUP BY notice_version, wording_sha256, jurisdiction, choice, gpc
                        ORDER BY max(occurred_at) DESC, choice
                        """)
                .param("site", site)
                .query((rs, row) -> new ChoiceCount(
                        rs.getString("notice_version"),
                        rs.getString("wording_sha256"),
                        rs.getString("jurisdiction"),
                        rs.getString("choice"),
                        rs.getBoolean("gpc"),
                        rs.getLong("choices"),
                        rs.getObject("latest", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    /**
     * One choice as stored: which categories it granted and refused, and the ledger event that proves the answer for
     * each category ({@code events} in the order of {@code categories}).
     */
    record StoredChoice(
            UUID id,
            String site,
            String jurisdiction,
            String language,
            String noticeVersion,
            String wordingSha256,
            String choice,
            List<String> granted,
            List<String> refused,
            boolean gpc,
            boolean signedIn,
            List<String> categories,
            List<UUID> events,
            Instant occurredAt) {}

    record ChoiceCount(
            String noticeVersion,
            String wordingSha256,
            String jurisdiction,
            String choice,
            boolean gpc,
            long choices,
            Instant latest) {}
}
