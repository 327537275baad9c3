package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Pages;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail words the reasons Steward writes in the staff member's language, from the code and arguments each
 * new entry keeps; an entry written before codes existed shows the text it was stored with. The API returns the
 * stored (English) text and the code.
 */
@StewardTest
class AuditReasonLanguagesTest {

    private static final String LEGACY = "staff member %s: roles Auditor; sites lab; enabled";

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | staff member %s: roles Auditor; sites every site; enabled",
                "de | Mitarbeitende(r) %s: Rollen Prüfer(in); Websites alle Websites; aktiv",
                "ja | スタッフ %s：役割 監査担当者、対象サイト すべてのサイト、有効"
            })
    void aStaffChangeReadsInTheReadersLanguageAndAnOldEntryAsStored(String language, String worded) {
        String member = StaffUsers.add(port, "AUDITOR", null);
        String earlier = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        // as the trail stored it before reasons had codes: an English sentence, no code
        audit.record(new AuditEntry("admin", "create-staff", null, null, List.of("roles"), LEGACY.formatted(earlier)));
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        List<String> rows = Pages.rows(
                console.http().get("/admin/audit", "Accept-Language", language).body());

        assertThat(rows).anySatisfy(row -> assertThat(row).contains(worded.formatted(member)));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(LEGACY.formatted(earlier)));
        JsonNode entry = entryAbout(member);
        assertThat(entry.get("reason").asString())
                .isEqualTo("staff member " + member + ": roles Auditor; sites every site; enabled");
        assertThat(entry.get("reasonCode").asString()).isEqualTo("staff-member");
    }

    private JsonNode entryAbout(String member) {
        JsonNode entries = Json.read(new Http(port)
                        .get("/api/v1/admin/audit", Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .get("entries");
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.get("reason").asString().contains(member))
                .findFirst()
                .orElseThrow();
    }
}
