package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.Canonical;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Entries written before reasons had codes must verify after the change: an entry without a code hashes exactly as
 * the trail always hashed it, field for field, and a coded one hashes differently for each code and argument.
 */
class AuditCanonicalTest {

    private static final UUID ID = UUID.fromString("0b6f6d2c-4a53-4ef3-9d4e-93a0a8a9b1f1");
    private static final UUID SUBJECT = UUID.fromString("5d1c7f0e-2f0b-4a8e-8a77-0d0f3c6b9e21");
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456Z");

    @Test
    void anEntryWithoutACodeHashesAsEntriesAlwaysDid() {
        AuditRecord old = record("ticket-7", null, List.of());

        byte[] asBefore = Canonical.of("audit")
                .add("seq", 42L)
                .add("id", ID)
                .add("at", AT)
                .add("actor", "officer")
                .add("action", "read-record")
                .add("subject", SUBJECT)
                .add("site", "lab")
                .add("fields", "email\u001fname")
                .add("reason", "ticket-7")
                .bytes();

        assertThat(AuditRepository.canonical(old)).isEqualTo(asBefore);
    }

    @Test
    void aCodedReasonsCodeAndEachArgumentAreHashed() {
        byte[] coded = AuditRepository.canonical(record("Subjects split off: 2", "subjects-split", List.of("2")));

        assertThat(coded)
                .isNotEqualTo(AuditRepository.canonical(record("Subjects split off: 2", null, List.of())))
                .isNotEqualTo(AuditRepository.canonical(record("Subjects split off: 2", "nobody-found", List.of("2"))))
                .isNotEqualTo(
                        AuditRepository.canonical(record("Subjects split off: 2", "subjects-split", List.of("3"))));
    }

    private static AuditRecord record(String reason, String code, List<String> arguments) {
        return new AuditRecord(
                42L,
                ID,
                AT,
                "officer",
                "read-record",
                SUBJECT,
                "lab",
                List.of("email", "name"),
                reason,
                code,
                arguments);
    }
}
