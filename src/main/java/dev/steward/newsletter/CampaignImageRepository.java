package dev.steward.newsletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of campaigns' pictures. */
@Repository
class CampaignImageRepository {

    private static final String COLUMNS = "name, media_type, size, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    CampaignImageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The campaign's status, its row locked until the transaction ends: a change to its pictures and its scheduling
     * (which moves it out of draft) wait for each other, so no picture changes once it is on its way.
     */
    Optional<CampaignStatus> lockStatus(UUID campaign) {
        return jdbc.sql("SELECT status FROM campaign WHERE id = :id FOR UPDATE")
                .param("id", campaign)
                .query(String.class)
                .optional()
                .map(CampaignStatus::ofKey);
    }

    void insert(UUID campaign, CampaignImage image, byte[] bytes) {
        jdbc.sql("""
                        INSERT INTO campaign_image (campaign_id, name, media_type, size, bytes, uploaded_by, uploaded_at)
                        VALUES (:campaign, :name, :mediaType, :size, :bytes, :uploadedBy, :uploadedAt)
                        """)
                .param("campaign", campaign)
                .param("name", image.name())
                .param("mediaType", image.mediaType())
                .param("size", image.size())
                .param("bytes", bytes)
                .param("uploadedBy", image.uploadedBy())
                .param("uploadedAt", image.uploadedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The campaign's pictures without their bytes, by name. */
    List<CampaignImage> list(UUID campaign) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_image WHERE campaign_id = :campaign ORDER BY name")
                .param("campaign", campaign)
                .query((rs, row) -> image(rs))
                .list();
    }

    /** The campaign's pictures with their bytes, as its messages carry them. */
    List<CampaignImage.Stored> all(UUID campaign) {
        return jdbc.sql("SELECT " + COLUMNS + ", bytes FROM campaign_image WHERE campaign_id = :campaign ORDER BY name")
                .param("campaign", campaign)
                .query((rs, row) -> new CampaignImage.Stored(image(rs), rs.getBytes("bytes")))
                .list();
    }

    Optional<CampaignImage.Stored> find(UUID campaign, String name) {
        return jdbc.sql("SELECT " + COLUMNS
                        + ", bytes FROM campaign_image WHERE campaign_id = :campaign AND name = :name")
                .param("campaign", campaign)
                .param("name", name)
                .query((rs, row) -> new CampaignImage.Stored(image(rs), rs.getBytes("bytes")))
                .optional();
    }

    boolean delete(UUID campaign, String name) {
        return jdbc.sql("DELETE FROM campaign_image WHERE campaign_id = :campaign AND name = :name")
                        .param("campaign", campaign)
                        .param("name", name)
                        .update()
                == 1;
    }

    private static CampaignImage image(ResultSet rs) throws SQLException {
        Instant at = rs.getObject("uploaded_at", OffsetDateTime.class).toInstant();
        return new CampaignImage(
                rs.getString("name"), rs.getString("media_type"), rs.getInt("size"), rs.getString("uploaded_by"), at);
    }
}
