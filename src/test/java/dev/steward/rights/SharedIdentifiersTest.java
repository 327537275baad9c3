package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Inbox;
import dev.steward.test.Json;
import dev.steward.test.Packages;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people who type the same phone number (a company switchboard) stay two people: a request verified by one of
 * their addresses reaches what was submitted under that address only, never the other person's data.
 */
@StewardTest
class SharedIdentifiersTest {

    private static final String SITE = SeedForms.OLYMPUS;

    @LocalServerPort
    int port;

    @Autowired
    Vault vault;

    @Autowired
    TestClock clock;

    @Test
    void aSharedPhoneNumberNeverMergesTwoPeopleNorOpensOnesDataToTheOther() throws Exception {
        String switchboard = SeedForms.phone();
        Filled ann = SeedForms.olympusContact()
                .with("phone", switchboard)
                .with("firstName", SeedForms.unique("Ann"))
                .with("message", SeedForms.unique("Ann's question"));
        Filled ben = SeedForms.olympusContact()
                .with("phone", switchboard)
                .with("firstName", SeedForms.unique("Ben"))
                .with("message", SeedForms.unique("Ben's question"));
        SubjectId annsSubject = submitted(ann);
        SubjectId bensSubject = submitted(ben);
        assertThat(bensSubject).isNotEqualTo(annsSubject);

        Map<String, String> export = accessPackage(ben.email());

        String everything = String.join("\n", export.values());
        assertThat(everything)
                .contains(ben.email())
                .contains(ben.fields().get("message"))
                .doesNotContain(ann.email())
                .doesNotContain(ann.fields().get("message"))
                .doesNotContain(ann.fields().get("firstName"));

        fulfil(received(ben.email(), "{\"type\":\"erasure\",\"grounds\":[\"no-longer-necessary\"]}"));

        assertThat(vault.exists(bensSubject)).isFalse();
        assertThat(vault.exists(annsSubject))
                .as("Ben's erasure leaves Ann alone")
                .isTrue();
        assertThat(vault.records(annsSubject)).isNotEmpty();
    }

    @Test
    void aProvenAddressReachesEverySubmissionMadeUnderIt() throws Exception {
        Filled first = SeedForms.olympusContact();
        Filled second = SeedForms.olympusContact()
                .with("email", first.email())
                .with("message", SeedForms.unique("A second question"));
        submitted(first);
        submitted(second);

        String everything = String.join("\n", accessPackage(first.email()).values());

        assertThat(everything)
                .contains(first.fields().get("message"))
                .contains(second.fields().get("message"));
    }

    private SubjectId submitted(Filled form) {
        HttpResponse<String> answer = new Visitor(port).postJson(form.apiPath(), form.json());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return SubjectId.parse(Json.read(answer.body()).get("subject").asString());
    }

    /** An access request by the address, verified from its mailbox, fulfilled by staff and downloaded. */
    private Map<String, String> accessPackage(String email) throws Exception {
        fulfil(received(email, "{\"type\":\"access\"}"));
        return RightsRequestsTest.unzip(Packages.download(new Http(port), new Inbox(port).newestTextTo(email))
                .body());
    }

    private String received(String email, String json) {
        Http http = new Http(port);
        clock.advance(Duration.ofSeconds(1));
        String body = json.replaceFirst("\\{", "{\"email\":\"" + email + "\",\"region\":\"EU\",");
        HttpResponse<String> submitted = http.postJson("/api/v1/sites/" + SITE + "/requests", body);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String token = new Inbox(port).find(email, "verify\\?token=([\\w-]+)");
        assertThat(http.postJson("/api/v1/sites/" + SITE + "/requests/verification", "{\"token\":\"" + token + "\"}")
                        .statusCode())
                .isEqualTo(200);
        return Json.read(submitted.body()).get("request").asString();
    }

    private void fulfil(String id) {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> fulfilled = new Http(port)
                .postJson(
                        "/api/v1/admin/requests/" + id + "/fulfil",
                        "{}",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(fulfilled.statusCode()).as(fulfilled.body()).isEqualTo(200);
    }
}
