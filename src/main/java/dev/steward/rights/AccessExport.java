package dev.steward.rights;

import dev.steward.platform.Csv;
import dev.steward.vault.SubjectId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subject's copy of their data (GDPR Art. 15) for one controller: a zip of everything {@link SubjectData} finds, as
 * JSON, as CSV and as a readable HTML summary. Built in memory and handed over; where it is kept is the caller's
 * business (an access package, sealed under the subject's key).
 */
@Component
public class AccessExport {

    private final SubjectData data;
    private final JsonMapper json;
    private final TemplateEngine templates;
    private final AccessSummary summary;

    AccessExport(SubjectData data, JsonMapper json, TemplateEngine templates, AccessSummary summary) {
        this.summary = summary;
        this.data = data;
        this.json = json;
        this.templates = templates;
    }

    /** The zip of the subject's data held for the controller of the site; decrypted, so never logged or kept in clear. */
    public byte[] of(SubjectId subject, String site, Locale language) {
        return of(List.of(subject), site, null, language);
    }

    /**
     * The zip of the person's data (the subjects their proven address reaches, the requester's first), its summary
     * in the language given (the request's).
     */
    byte[] of(List<SubjectId> subjects, String site, @Nullable String jurisdiction, Locale language) {
        SubjectExport export = data.of(subjects, site);
        return zip(Map.of(
                "steward-access.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export),
                "records.csv", bytes(recordsCsv(export)),
                "consents.csv", bytes(consentsCsv(export)),
                "recipients.csv", bytes(recipientsCsv(export)),
                "summary.html", bytes(summary(export, site, jurisdiction, false, language))));
    }

    /** The readable summary alone, as the package will carry it: what staff preview before they release it. */
    String summaryOf(List<SubjectId> subjects, String site, @Nullable String jurisdiction, Locale language) {
        return summary(data.of(subjects, site), site, jurisdiction, true, language);
    }

    private static String recordsCsv(SubjectExport export) {
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

    private static String consentsCsv(SubjectExport export) {
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
                        "byParent",
                        "ipAddress",
                        "userAgent"));
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
                        consent.byParent(),
                        String.valueOf(Objects.requireNonNullElse(consent.ipAddress(), "")),
                        String.valueOf(Objects.requireNonNullElse(consent.userAgent(), "")))));
        return csv.toString();
    }

    private static String recipientsCsv(SubjectExport export) {
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

    /** The page as the package carries it, styled within itself; in the console's preview, by the console's sheet. */
    private String summary(
            SubjectExport export, String site, @Nullable String jurisdiction, boolean preview, Locale language) {
        Context context = new Context(language);
        context.setVariable("export", export);
        context.setVariable("site", site);
        context.setVariable("preview", preview);
        // moments on the clock of the request's jurisdiction, as its pages and mails tell them
        context.setVariable("jurisdiction", jurisdiction);
        context.setVariable("items", summary.items(export, jurisdiction, language));
        context.setVariable("words", summary);
        return templates.process("rights/access-summary", context);
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : new TreeSet<>(files.keySet())) {
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
}
