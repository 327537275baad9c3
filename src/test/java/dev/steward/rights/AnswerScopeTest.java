package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.AccessRequests;
import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Pages;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A rights request's answer covers every site of the controller (SubjectData), so in a catalog with two sites a
 * member of one of them may assign, extend or deny a request made on theirs, but not preview or give the answer,
 * which would release or erase what the other site holds (attack23 O1); a member of both sites gives it.
 */
class AnswerScopeTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path catalogs;

    @Test
    void aMemberOfOneOfTheControllersSitesNeitherPreviewsNorGivesTheAnswer() throws IOException {
        try (ConfigurableApplicationContext server =
                TestServer.start(TestDatabase.newDatabase(), dataDir, "--steward.catalog=" + twoSiteCatalog())) {
            int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String id = AccessRequests.received(
                    port, "lab", Canary.email("two-sites-" + UUID.randomUUID()), "\"type\":\"access\"");
            String member = StaffUsers.add(port, "PRIVACY_OFFICER", "lab");

            String page = Console.signIn(port, member, StaffUsers.PASSWORD)
                    .get("/admin/requests/" + id)
                    .body();
            assertThat(Pages.text(page))
                    .contains("The answer covers every site of the company that runs this site")
                    .doesNotContain("Preview the copy of their data");
            assertThat(page).doesNotContain("/admin/requests/" + id + "/fulfil").contains("/assign");

            Http api = new Http(port);
            HttpResponse<String> fulfilled =
                    api.postJson("/api/v1/admin/requests/" + id + "/fulfil", "{}", StaffUsers.basic(member));
            assertThat(fulfilled.statusCode()).as(fulfilled.body()).isEqualTo(422);
            assertThat(fulfilled.body()).contains("\"scope\"").contains("only a member of staff for all of them");
            HttpResponse<String> preview =
                    Console.signIn(port, member, StaffUsers.PASSWORD).get("/admin/requests/" + id + "/package-preview");
            assertThat(preview.statusCode()).isEqualTo(400);
            assertThat(Pages.text(preview.body())).contains("only a member of staff for all of them");
            JsonNode detail = Json.read(api.get("/api/v1/admin/requests/" + id, StaffUsers.basic(member))
                    .body());
            assertThat(detail.get("request").get("status").asString()).isEqualTo("received");
            assertThat(detail.get("answerable").asBoolean()).isFalse();

            HttpResponse<String> byBoth = api.postJson(
                    "/api/v1/admin/requests/" + id + "/fulfil", "{}", Http.basic("admin", StewardTest.ADMIN_PASSWORD));
            assertThat(byBoth.statusCode()).as(byBoth.body()).isEqualTo(200);
        }
    }

    /** The lab catalog with a second site of the same controller; each activity and form then names its site. */
    private Path twoSiteCatalog() throws IOException {
        String lab;
        try (InputStream in = getClass().getResourceAsStream("/catalogs/lab/catalog.yml")) {
            lab = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String shop = """
                  - key: lab-shop
                    name: Steward Lab Shop
                    baseUrl: https://shop.lab.example
                    controller: lab-controller
                    jurisdictions: [EU]
                    defaultJurisdiction: EU
                    storageLocations: [DE]
                    notice:
                      title: Lab shop privacy notice
                      version: "1"
                      effective: 2026-01-01
                      significance: material

                """;
        String catalog = lab.replace("\njurisdictions:\n", "\n" + shop + "jurisdictions:\n");
        int activities = catalog.indexOf("\nactivities:\n");
        catalog = catalog.substring(0, activities)
                + catalog.substring(activities).replaceAll("\n  - key: ([\\w-]+)\n", "\n  - key: $1\n    site: lab\n");
        Path file = catalogs.resolve("two-sites/catalog.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, catalog, StandardCharsets.UTF_8);
        return file.getParent();
    }
}
