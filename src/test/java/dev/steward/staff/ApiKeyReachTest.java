package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.InvalidInputException;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** An administrator of some sites manages API keys for those sites only, and no key outranks its creator. */
@StewardTest
class ApiKeyReachTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeysBeyondTheirMakers start;

    @Autowired
    ApiKeys apiKeys;

    Http http;
    String labAdminName;
    String[] labAdmin;

    @BeforeEach
    void client() {
        http = new Http(port);
        labAdminName = StaffUsers.add(port, "ADMIN", "lab");
        labAdmin = StaffUsers.basic(labAdminName);
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

    /**
     * A staff key acts with its maker's roles, so it goes when their standing does: disabling the member, or taking
     * roles or sites away, revokes the staff keys they made that it no longer covers; a key makes no staff key, which
     * would outlast them. An integrator key goes too once its maker could make it no more (attack22: it records
     * consents for everyone on its sites, and its secret was shown to its maker alone).
     */
    @Test
    void aStaffKeyGoesWhenItsMakerIsDisabledOrLosesTheRolesOrSitesItNeeds() {
        String member = labAdminName;
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
        String[] adminKey =
                bearer(create("{\"name\":\"ops\",\"kind\":\"staff\",\"roles\":[\"ADMIN\"],\"sites\":[\"lab\"]}"));
        String[] readerKey =
                bearer(create("{\"name\":\"reports\",\"kind\":\"staff\",\"roles\":[\"AUDITOR\"],\"sites\":[\"lab\"]}"));
        String[] integratorKey = bearer(create("{\"name\":\"shop\",\"sites\":[\"lab\"]}"));
        long before = keys();

        HttpResponse<String> byKey = http.postJson(
                "/api/v1/admin/api-keys",
                "{\"name\":\"spare\",\"kind\":\"staff\",\"roles\":[\"ADMIN\"],\"sites\":[\"lab\"]}",
                adminKey);
        assertThat(byKey.statusCode()).isEqualTo(422);
        assertThat(byKey.body()).contains("{\"field\":\"kind\",\"code\":\"staff-by-key\"");
        assertThat(keys()).isEqualTo(before);
        assertThat(http.get("/api/v1/admin/api-keys", adminKey).statusCode()).isEqualTo(200);

        assertThat(http.patchJson("/api/v1/admin/staff/" + member, "{\"roles\":[\"AUDITOR\"]}", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/admin/api-keys", adminKey).statusCode())
                .as("an administrator's key of a member who is an auditor now")
                .isEqualTo(401);
        assertThat(http.get("/api/v1/admin/audit", readerKey).statusCode())
                .as("an auditor's key is still within an auditor's reach")
                .isEqualTo(200);

        assertThat(http.patchJson("/api/v1/admin/staff/" + member, "{\"disabled\":true}", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/admin/audit", readerKey).statusCode()).isEqualTo(401);
        assertThat(decision(integratorKey))
                .as("an auditor makes no integrator key, so theirs went with the demotion")
                .isEqualTo(401);
        assertThat(http.get("/api/v1/admin/audit?limit=5", admin).body())
                .contains("\"action\":\"change-staff\"")
                .contains("api-keys");
    }

    @Test
    void aStartRevokesTheStaffKeysOfAMemberDisabledBeforeKeysWentWithTheirMaker() throws Exception {
        String[] adminKey =
                bearer(create("{\"name\":\"old\",\"kind\":\"staff\",\"roles\":[\"ADMIN\"],\"sites\":[\"lab\"]}"));
        String[] integratorKey = bearer(create("{\"name\":\"old-shop\",\"sites\":[\"lab\"]}"));
        // as an upgraded installation holds it: the member disabled with no key revoked
        jdbc.sql("UPDATE staff_user SET disabled = true WHERE username = :name")
                .param("name", labAdminName)
                .update();
        assertThat(http.get("/api/v1/admin/api-keys", adminKey).statusCode()).isEqualTo(200);

        start.run(null);

        assertThat(http.get("/api/v1/admin/api-keys", adminKey).statusCode()).isEqualTo(401);
        assertThat(decision(integratorKey)).isEqualTo(401);
    }

    /**
     * attack22: an administrator who leaves kept their integrator key, whose secret only they ever saw, and could go on
     * recording consents for anyone on its sites and asking about anyone. Disabling them revokes it; so does taking away
     * their administrator's role or the key's site; a key of an administrator who keeps their standing stays.
     */
    @Test
    void anIntegratorKeyGoesWhenItsMakerLeavesOrCouldMakeItNoMore() {
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
        String[] leaving = bearer(create("{\"name\":\"shop\",\"sites\":[\"lab\"]}"));
        String other = StaffUsers.add(port, "ADMIN", "lab");
        String[] staying = bearer(http.postJson(
                "/api/v1/admin/api-keys", "{\"name\":\"shop\",\"sites\":[\"lab\"]}", StaffUsers.basic(other)));
        String narrowed = StaffUsers.add(port, "ADMIN", null);
        String[] everySite = bearer(http.postJson(
                "/api/v1/admin/api-keys", "{\"name\":\"scraper\",\"kind\":\"metrics\"}", StaffUsers.basic(narrowed)));
        assertThat(decision(leaving)).isNotEqualTo(401);
        assertThat(http.get("/actuator/prometheus", everySite).statusCode()).isEqualTo(200);

        assertThat(http.patchJson("/api/v1/admin/staff/" + labAdminName, "{\"disabled\":true}", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(decision(leaving)).as("the departed administrator's key").isEqualTo(401);
        assertThat(decision(staying)).as("another administrator's key").isNotEqualTo(401);

        assertThat(http.patchJson("/api/v1/admin/staff/" + narrowed, "{\"sites\":[\"lab\"]}", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", everySite).statusCode())
                .as("a metrics key covers every site, its maker no longer does")
                .isEqualTo(401);
        assertThat(http.patchJson("/api/v1/admin/staff/" + other, "{\"roles\":[\"PRIVACY_OFFICER\"]}", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(decision(staying)).as("a privacy officer makes no keys").isEqualTo(401);
    }

    /**
     * A leaked staff key made an integrator key: revoking the leaked key left the one it made working. It goes with the
     * key that made it, and with the member behind that key.
     */
    @Test
    void aKeyAStaffKeyMadeGoesWithThatKeyAndItsMember() {
        HttpResponse<String> ops =
                create("{\"name\":\"ops\",\"kind\":\"staff\",\"roles\":[\"ADMIN\"],\"sites\":[\"lab\"]}");
        String[] opsKey = bearer(ops);
        String opsId = Json.read(ops.body()).get("key").get("id").asString();
        HttpResponse<String> minted =
                http.postJson("/api/v1/admin/api-keys", "{\"name\":\"minted\",\"sites\":[\"lab\"]}", opsKey);
        String[] mintedKey = bearer(minted);
        assertThat(Json.read(minted.body()).get("key").get("owner").asString()).isEqualTo(labAdminName);
        assertThat(decision(mintedKey)).isNotEqualTo(401);

        assertThat(http.send("DELETE", "/api/v1/admin/api-keys/" + opsId, labAdmin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(decision(mintedKey)).as("the leaked key's key").isEqualTo(401);

        String[] again =
                bearer(create("{\"name\":\"ops2\",\"kind\":\"staff\",\"roles\":[\"ADMIN\"],\"sites\":[\"lab\"]}"));
        String[] second =
                bearer(http.postJson("/api/v1/admin/api-keys", "{\"name\":\"minted2\",\"sites\":[\"lab\"]}", again));
        assertThat(http.patchJson(
                                "/api/v1/admin/staff/" + labAdminName,
                                "{\"disabled\":true}",
                                Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .statusCode())
                .isEqualTo(200);
        assertThat(decision(second)).isEqualTo(401);
    }

    /** The member's page says, before any change, which keys disabling or narrowing them would revoke. */
    @Test
    void theMembersPageNamesTheKeysThatGoWithThem() {
        create("{\"name\":\"shop-backend\",\"sites\":[\"lab\"]}");
        String page = dev.steward.test.Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD)
                .get("/admin/staff/" + labAdminName)
                .body();
        assertThat(page)
                .contains("shop-backend (integrator, lab)")
                .contains("disabling the member revokes all of these");
    }

    private int decision(String[] key) {
        return http.get("/api/v1/consent-decisions?site=lab&subject=" + UUID.randomUUID() + "&purpose=x", key)
                .statusCode();
    }

    /**
     * Before keys could make no staff key, a member's key made one; its maker is a key, no member, so following makers
     * never reached it and it outlived the member's standing (attack19 F1).
     */
    @Test
    void aStartRevokesAStaffKeyThatAKeyMade() throws Exception {
        HttpResponse<String> created =
                create("{\"name\":\"minted\",\"kind\":\"staff\",\"roles\":[\"ADMIN\"],\"sites\":[\"lab\"]}");
        String[] minted = bearer(created);
        jdbc.sql("UPDATE api_key SET created_by = 'api-key:ops', owner = NULL WHERE id = :id::uuid")
                .param("id", Json.read(created.body()).get("key").get("id").asString())
                .update();
        String[] ownKey =
                bearer(create("{\"name\":\"own\",\"kind\":\"staff\",\"roles\":[\"AUDITOR\"],\"sites\":[\"lab\"]}"));

        start.run(null);

        assertThat(http.get("/api/v1/admin/api-keys", minted).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/admin/audit", ownKey).statusCode())
                .as("a key its enabled member made stays")
                .isEqualTo(200);
    }

    /**
     * A request to make a key is authenticated before a change of its maker's standing commits and stores the key
     * after that change revoked the keys it found: the key, measured by the sign-in, outlasted the change (a member who
     * keeps asking for keys while being disabled kept one; attack19 F4). The key is measured by the maker as they
     * stand when it is stored.
     */
    @Test
    void aKeyAskedForBeforeItsMakersChangeIsMeasuredByTheChange() {
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
        Caller signedIn = new Caller(labAdminName, Caller.Kind.STAFF, Set.of(StaffRole.ADMIN), Set.of("lab"));
        String narrowed = StaffUsers.add(port, "ADMIN", "lab");
        Caller narrowedSignedIn = new Caller(narrowed, Caller.Kind.STAFF, Set.of(StaffRole.ADMIN), Set.of("lab"));
        long before = keys();

        assertThat(http.patchJson("/api/v1/admin/staff/" + labAdminName, "{\"disabled\":true}", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.patchJson("/api/v1/admin/staff/" + narrowed, "{\"roles\":[\"AUDITOR\"]}", admin)
                        .statusCode())
                .isEqualTo(200);

        assertThatThrownBy(() ->
                        apiKeys.create("late", Caller.Kind.STAFF, Set.of(StaffRole.ADMIN), Set.of("lab"), signedIn))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> apiKeys.create(
                        "late", Caller.Kind.STAFF, Set.of(StaffRole.ADMIN), Set.of("lab"), narrowedSignedIn))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("beyond-your-roles");
        assertThat(keys()).isEqualTo(before);
        assertThat(apiKeys.create(
                                "reports",
                                Caller.Kind.STAFF,
                                Set.of(StaffRole.AUDITOR),
                                Set.of("lab"),
                                narrowedSignedIn)
                        .key()
                        .roles())
                .as("within the member's standing now")
                .containsExactly(StaffRole.AUDITOR);
    }

    /**
     * A key made no staff key, yet an administrator's key of every site added a member with a password of its choosing
     * and set another member's password: access that outlasts the key and its maker (a leaked key, revoked, leaves the
     * member behind), and an account taken over (attack19 F5). A key may only disable a member.
     */
    @Test
    void aKeyAddsNoMemberAndSetsNoPasswordButMayDisableOne() {
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
        String[] key = bearer(http.postJson(
                "/api/v1/admin/api-keys",
                "{\"name\":\"provisioning\",\"kind\":\"staff\",\"roles\":[\"ADMIN\"]}",
                admin));
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        long members =
                jdbc.sql("SELECT count(*) FROM staff_user").query(Long.class).single();

        for (HttpResponse<String> refused : List.of(
                http.postJson(
                        "/api/v1/admin/staff",
                        "{\"username\":\"" + ghost + "\",\"password\":\"a-long-secret-phrase\",\"roles\":[\"ADMIN\"]}",
                        key),
                http.patchJson("/api/v1/admin/staff/" + labAdminName, "{\"password\":\"taken-over-at-last\"}", key),
                http.patchJson("/api/v1/admin/staff/" + labAdminName, "{\"sites\":[]}", key))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("\"code\":\"by-key\"");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM staff_user").query(Long.class).single())
                .isEqualTo(members);
        assertThat(http.get("/api/v1/admin/api-keys", labAdmin).statusCode())
                .as("the password and sites are as they were")
                .isEqualTo(200);

        assertThat(http.patchJson("/api/v1/admin/staff/" + labAdminName, "{\"disabled\":true}", key)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/admin/api-keys", labAdmin).statusCode()).isEqualTo(401);
    }

    private static String[] bearer(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.bearer(Json.read(created.body()).get("token").asString());
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
