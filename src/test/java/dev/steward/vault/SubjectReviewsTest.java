package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.LabCustomers;
import dev.steward.test.SeedForms;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A subject joined through an identifier nobody proved waits for staff; split, each record goes to a person of the
 * address it was sent with, readable under that person's key, and proofs reach them again.
 */
@StewardTest
class SubjectReviewsTest {

    @LocalServerPort
    int port;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void staffSplitAPersonJoinedThroughASharedPhoneNumberByTheAddressEachRecordWasSentWith() {
        Identifier ann = Identifier.email(Canary.email(SeedForms.unique("ann")));
        Identifier ben = Identifier.email(Canary.email(SeedForms.unique("ben")));
        SubjectId merged = mergedTheOldWay(ann, ben);

        HttpResponse<String> listed = new Http(port).get("/api/v1/admin/identity-reviews", admin());
        assertThat(Json.rows(Json.read(listed.body()).get("cases"), "subject", "records", "addresses"))
                .contains(merged + " | 2 | 2");
        SubjectId early = identities.newSubject(List.of(ClaimedIdentifier.of(ben)));
        identities.prove(early, ben, "test");
        assertThat(identities.reach(early, ben))
                .as("no proof reaches a subject waiting for review")
                .doesNotContain(merged);

        HttpResponse<String> split =
                new Http(port).postJson("/api/v1/admin/identity-reviews/" + merged + "/split", "{}", admin());

        assertThat(split.statusCode()).as(split.body()).isEqualTo(200);
        SubjectId bens =
                SubjectId.parse(Json.read(split.body()).get("subjects").get(0).asString());
        assertThat(vault.records(merged)).hasSize(1);
        assertThat(vault.fields(vault.records(merged).get(0).id(), Access.system("test")))
                .containsEntry("email", ann.value());
        assertThat(vault.records(bens)).hasSize(1);
        assertThat(vault.fields(vault.records(bens).get(0).id(), Access.system("test")))
                .containsEntry("email", ben.value());
        assertThat(identities.carrying(ben)).contains(bens).doesNotContain(merged);
        SubjectId prover = identities.newSubject(List.of(ClaimedIdentifier.of(ben)));
        identities.prove(prover, ben, "test");
        assertThat(identities.reach(prover, ben)).contains(bens).doesNotContain(merged);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE subject_id = :s")
                        .param("s", merged.value())
                        .query(String.class)
                        .list())
                .contains("split-subject");
    }

    @Test
    void onlyAdministratorsAndPrivacyOfficersReviewAndOnePersonNeedsAReason() {
        SubjectId merged = mergedTheOldWay(
                Identifier.email(Canary.email(SeedForms.unique("one"))),
                Identifier.email(Canary.email(SeedForms.unique("same"))));
        String auditor = StaffUsers.add(port, "AUDITOR", null);

        assertThat(new Http(port)
                        .get("/api/v1/admin/identity-reviews", StaffUsers.basic(auditor))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> noReason = new Http(port)
                .postJson("/api/v1/admin/identity-reviews/" + merged + "/one-person", "{\"reason\":\" \"}", admin());
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(new Http(port)
                        .postJson(
                                "/api/v1/admin/identity-reviews/" + merged + "/one-person",
                                "{\"reason\":\"Same person, new address after a move (ticket 88)\"}",
                                admin())
                        .statusCode())
                .isEqualTo(200);
        assertThat(new Http(port)
                        .postJson("/api/v1/admin/identity-reviews/" + merged + "/split", "{}", admin())
                        .statusCode())
                .as("reviewed already")
                .isEqualTo(404);
    }

    /** Two people filed under one subject, as Steward did before proofs: joined through a shared phone number. */
    private SubjectId mergedTheOldWay(Identifier first, Identifier second) {
        Identifier phone = Identifier.phone(SeedForms.phone());
        SubjectId subject = identities.newSubject(
                List.of(ClaimedIdentifier.of(first), ClaimedIdentifier.of(second), ClaimedIdentifier.of(phone)));
        vault.store(subject, newsletter(first));
        // the first address's record is the older one, which a split leaves where it is
        clock.advance(java.time.Duration.ofSeconds(1));
        vault.store(subject, newsletter(second));
        jdbc.sql("UPDATE data_subject SET review = 'merged-through-unproven-identifier' WHERE id = :id")
                .param("id", subject.value())
                .update();
        return subject;
    }

    private static NewRecord newsletter(Identifier email) {
        return LabCustomers.newsletter(Map.of("email", email.value()));
    }

    private static String[] admin() {
        return Http.basic("admin", StewardTest.ADMIN_PASSWORD);
    }
}
