package dev.steward.rights;

import dev.steward.platform.Csv;
import dev.steward.platform.NotFoundException;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to an access request (GDPR Art. 15) is a zip of the subject's data as JSON, as CSV and as a readable
 * HTML summary; the answer to a portability request (Art. 20) is the data they provided as JSON in the documented
 * schema ({@code docs/portability.schema.json}). Either is encrypted under the subject's key, downloadable once
 * through an expiring link, and deleted after the download or at expiry.
 */
@Component
class AccessPackages {

    static final Duration VALID_FOR = Duration.ofDays(7);
    static final String PORTABILITY_SCHEMA = "https://steward.dev/schemas/portability/v1";

    private final SubjectData data;
    private final Vault vault;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TemplateEngine templates;
    private final Clock clock;

    AccessPackages(
            SubjectData data, Vault vault, JdbcClient jdbc, JsonMapper json, TemplateEngine templates, Clock clock) {
        this.data = data;
        this.vault = vault;
        this.jdbc = jdbc;
        this.json = json;
        this.templates = templates;
        this.clock = clock;
    }

    /** A package being downloaded: its file name and bytes. */
    record Download(String fileName, String contentType, byte[] content) {}

    /** Builds and stores the access package; answers the raw download token (for the link), never stored. */
    String access(RightsRequest request) {
        SubjectData.Export export = data.of(request.subject(), request.site());
        byte[] zip = zip(Map.of(
                "steward-access.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export),
                "records.csv", bytes(recordsCsv(export)),
                "consents.csv", bytes(consentsCsv(export)),
                "recipients.csv", bytes(recipientsCsv(export)),
                "summary.html", bytes(summary(export))));
        return store(request, zip);
    }

    /** The portable data as JSON; pushed to the address the subject gave, if any, by the caller. */
    byte[] portable(RightsRequest request) {
        Map<String, Object> document = Map.of(
                "$schema", PORTABILITY_SCHEMA,
                "subject", request.subject().toString(),
                "exportedAt", clock.instant().toString(),
                "records", data.provided(request.subject(), request.site()));
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    String portability(RightsRequest request, byte[] document) {
        return store(request, document);
    }

    @Transactional
    Download download(String site, String token) {
        Stored stored = jdbc.sql("""
                        SELECT p.id, p.subject_id, p.content_enc, p.expires_at, r.type FROM access_package p
                        JOIN rights_request r ON r.id = p.request_id
                        WHERE p.token_hash = :hash AND r.site = :site FOR UPDATE OF p
                        """)
                .param("hash", Tokens.hash(token))
                .param("site", site)
                .query((rs, row) -> new Stored(
                        rs.getObject(1, UUID.class),
                        new SubjectId(rs.getObject(2, UUID.class)),
                        rs.getBytes(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(5)))
                .optional()
                .filter(found -> clock.instant().isBefore(found.expiresAt()))
                .orElseThrow(() -> new NotFoundException("This download link has expired or was already used."));
        byte[] content = vault.open(stored.subject(), stored.content(), context(stored.id()))
                .orElseThrow(() -> new NotFoundException("This download link has expired or was already used."));
        jdbc.sql("DELETE FROM access_package WHERE id = :id")
                .param("id", stored.id())
                .update();
        boolean portability = "portability".equals(stored.type());
        return portability
                ? new Download("steward-portability.json", "application/json", content)
                : new Download("steward-access.zip", "application/zip", content);
    }

    /** Deletes packages nobody downloaded in time; answers how many. */
    @Transactional
    int purgeExpired() {
        return jdbc.sql("DELETE FROM access_package WHERE expires_at < :now")
                .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    private record Stored(UUID id, SubjectId subject, byte[] content, Instant expiresAt, String type) {}

    private String store(RightsRequest request, byte[] content) {
        UUID id = UUID.randomUUID();
        String token = Tokens.token();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO access_package (id, request_id, subject_id, content_enc, token_hash, created_at, expires_at)
                        VALUES (:id, :request, :subject, :content, :hash, :created, :expires)
                        """)
                .param("id", id)
                .param("request", request.id())
                .param("subject", request.subject().value())
                .param("content", vault.seal(request.subject(), content, context(id)))
                .param("hash", Tokens.hash(token))
                .param("created", now.atOffset(java.time.ZoneOffset.UTC))
                .param("expires", now.plus(VALID_FOR).atOffset(java.time.ZoneOffset.UTC))
                .update();
        return token;
    }

    private static String recordsCsv(SubjectData.Export export) {
        Csv csv =
                new Csv().header(List.of("record", "site", "activity", "collectedAt", "legalBasis", "field", "value"));
        export.records()
                .forEach(record -> record.fields()
                        .forEach((field, value) -> csv.row(List.of(
                                record.id(),
                                record.site(),
                                record.activity(),
                                record.collectedAt(),
                                record.legalBasis(),
                                field,
                                value))));
        return csv.toString();
    }

    private static String consentsCsv(SubjectData.Export export) {
        Csv csv = new Csv()
                .header(List.of(
                        "event",
                        "site",
                        "purpose",
                        "action",
                        "occurredAt",
                        "noticeVersion",
                        "method",
                        "jurisdiction",
                        "byParent"));
        export.consents()
                .forEach(consent -> csv.row(List.of(
                        consent.id(),
                        consent.site(),
                        consent.purpose(),
                        consent.action(),
                        consent.occurredAt(),
                        consent.noticeVersion(),
                        consent.method(),
                        consent.jurisdiction(),
                        consent.byParent())));
        return csv.toString();
    }

    private static String recipientsCsv(SubjectData.Export export) {
        Csv csv = new Csv()
                .header(List.of(
                        "site", "recipient", "name", "country", "categories", "firstDisclosedAt", "lastDisclosedAt"));
        export.recipients()
                .forEach(recipient -> csv.row(List.of(
                        recipient.site(),
                        recipient.recipient(),
                        recipient.name(),
                        String.valueOf(recipient.country()),
                        String.join("; ", recipient.categories()),
                        recipient.firstDisclosedAt(),
                        recipient.lastDisclosedAt())));
        return csv.toString();
    }

    private String summary(SubjectData.Export export) {
        Context context = new Context();
        context.setVariable("export", export);
        return templates.process("rights/access-summary", context);
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : new java.util.TreeSet<>(files.keySet())) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(files.get(name));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String context(UUID pkg) {
        return "access-package:" + pkg;
    }
}
