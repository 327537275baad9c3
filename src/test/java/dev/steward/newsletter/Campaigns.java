package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns as staff drive them over the API, as an administrator, and what became of one person's message. */
final class Campaigns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Http http;
    private final JdbcClient jdbc;
    private final Identities identities;

    Campaigns(int port, JdbcClient jdbc, Identities identities) {
        this.http = new Http(port);
        this.jdbc = jdbc;
        this.identities = identities;
    }

    static String[] admin() {
        return Http.basic("admin", StewardTest.ADMIN_PASSWORD);
    }

    UUID create(String site, String list, String subjectLine, String body) {
        HttpResponse<String> created = compose(site, list, subjectLine, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(
                Json.read(created.body()).get("figures").get("id").asString());
    }

    /** The answer to composing a draft, whatever it is. */
    HttpResponse<String> compose(String site, String list, String subjectLine, String body) {
        return post(
                "/api/v1/admin/campaigns",
                Map.of("site", site, "list", list, "subjectLine", subjectLine, "body", body));
    }

    void send(UUID campaign) {
        HttpResponse<String> sent = post("/api/v1/admin/campaigns/" + campaign + "/send", Map.of());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    }

    HttpResponse<String> post(String path, Map<String, ?> json, String... credentials) {
        return http.postJson(path, JSON.writeValueAsString(json), credentials.length == 0 ? admin() : credentials);
    }

    /** Attaches a picture to the campaign over the API under the name given (none: the file's own). */
    HttpResponse<String> attach(UUID campaign, String name, String fileName, byte[] bytes, String... credentials) {
        return http.postMultipart(
                "/api/v1/admin/campaigns/" + campaign + "/images",
                name == null ? Map.of() : Map.of("name", name),
                "file",
                fileName,
                "image/png",
                bytes,
                credentials.length == 0 ? admin() : credentials);
    }

    /** A small PNG picture, drawn in the colour given, as an image program writes it. */
    static byte[] png(int rgb) {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(16, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 8; y++) {
                image.setRGB(x, y, rgb + x * 7 + y);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    JsonNode figures(UUID campaign) {
        return detail(campaign).get("figures");
    }

    JsonNode detail(UUID campaign) {
        return Json.read(
                http.get("/api/v1/admin/campaigns/" + campaign, admin()).body());
    }

    /** The status of the campaign's message to the address and why, as "status reason". */
    UUID messageId(UUID campaign, String address) {
        return jdbc.sql("SELECT id FROM campaign_message WHERE campaign_id = :campaign AND email_index = :index")
                .param("campaign", campaign)
                .param("index", identities.blindIndexOf(Identifier.email(address)))
                .query(UUID.class)
                .single();
    }

    String status(UUID campaign, String address) {
        return jdbc.sql("""
                        SELECT status || ' ' || coalesce(reason, 'null') FROM campaign_message
                        WHERE campaign_id = :campaign AND email_index = :index
                        """)
                .param("campaign", campaign)
                .param("index", identities.blindIndexOf(Identifier.email(address)))
                .query(String.class)
                .optional()
                .orElse("none");
    }
}
