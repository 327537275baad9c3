package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator of some sites manages API keys for those sites only, and no key outranks its creator. */
@StewardTest
class ApiKeyReachTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    String[] labAdmin;

    @BeforeEach
    void client() {
        http = new Http(port);
        labAdmin = StaffUsers.basic(StaffUsers.add(port, "ADMIN", "lab"));
    }

    @Test
    void aSiteAdministratorCannotMintAKeyForEverySiteOrAnotherSite() {
        long before = keys();

        HttpResponse<String> everySite = create("{\"name\":\"all\",\"kind\":\"staff\",\"roles\":[\"ADMIN\"]}");
        HttpResponse<String> otherSite = create("{\"name\":\"other\",\"sites\":[\"omron-healthcare\"]}");

        assertThat(everySite.statusCode()).isEqualTo(422);
        assertThat(everySite.body())
                .contains("{\"field\":\"sites\",\"code\":\"beyond-your-sites\"")
                .contains("You administer only lab");
        assertThat(otherSite.body()).contains("{\"field\":\"sites\",\"code\":\"beyond-your-sites\"");
        assertThat(keys()).isEqualTo(before);
    }

    /** A key's roles are measured by what they permit: an administrator holds every auditor's action. */
    @Test
    void anAdministratorMakesAKeyThatOnlyReadsOrOnlyWorksRequests() {
        HttpResponse<String> auditor =
                create("{\"name\":\"reports\",\"kind\":\"staff\",\"roles\":[\"AUDITOR\"],\"sites\":[\"lab\"]}");
        HttpResponse<String> officer = create(
                "{\"name\":\"requests\",\"kind\":\"staff\",\"roles\":[\"PRIVACY_OFFICER\"],\"sites\":[\"lab\"]}");

        assertThat(auditor.statusCode()).as(auditor.body()).isEqualTo(201);
        assertThat(officer.statusCode()).as(officer.body()).isEqualTo(201);
        String[] reports = {
            "Authorization", "Bearer " + Json.read(auditor.body()).get("token").asString()
        };
        assertThat(http.get("/api/v1/admin/audit", reports).statusCode()).isEqualTo(200);
        assertThat(http.postJson("/api/v1/admin/api-keys", "{\"name\":\"more\",\"sites\":[\"lab\"]}", reports)
                        .statusCode())
                .as("a read-only key makes no keys")
                .isEqualTo(403);
    }

    @Test
    void aSiteAdministratorSeesAndRevokesOnlyKeysOfTheirSites() {
        HttpResponse<String> own = create("{\"name\":\"lab banner\",\"sites\":[\"lab\"]}");
        assertThat(own.statusCode()).isEqualTo(201);
        String ownId = Json.read(own.body()).get("key").get("id").asString();
        String everySiteId = Json.read(http.postJson(
                                "/api/v1/admin/api-keys",
                                "{\"name\":\"every site\"}",
                                Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .get("key")
                .get("id")
                .asString();

        String listed = http.get("/api/v1/admin/api-keys", labAdmin).body();
        assertThat(listed).contains(ownId).doesNotContain(everySiteId);
        assertThat(http.send("DELETE", "/api/v1/admin/api-keys/" + everySiteId, labAdmin)
                        .statusCode())
                .isEqualTo(404);
        assertThat(revokedAt(everySiteId)).isNull();
        assertThat(http.send("DELETE", "/api/v1/admin/api-keys/" + ownId, labAdmin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(revokedAt(ownId)).isNotNull();
    }

    private HttpResponse<String> create(String json) {
        return http.postJson("/api/v1/admin/api-keys", json, labAdmin);
    }

    private long keys() {
        return jdbc.sql("SELECT count(*) FROM api_key").query(Long.class).single();
    }

    private Object revokedAt(String id) {
        return jdbc.sql("SELECT revoked_at FROM api_key WHERE id = :id::uuid")
                .param("id", id)
                .query((rs, row) -> rs.getObject(1))
                .optional()
                .orElse(null);
    }
}
