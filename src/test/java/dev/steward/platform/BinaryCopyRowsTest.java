package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Binary COPY rows are read back by PostgreSQL as exactly the values written, nulls and edge values included. */
@StewardTest
class BinaryCopyRowsTest {

    @Autowired
    BulkCopy copy;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void everyTypeRoundTripsThroughPostgres() {
        UUID id = UUID.randomUUID();
        Instant withNanos = Instant.parse("2026-12-05T01:02:03.123456789Z");
        Instant beforeTheirEpoch = Instant.parse("1969-07-20T20:17:40.000001Z");
        BinaryCopyRows rows = new BinaryCopyRows();
        rows.row(6)
                .int8(Long.MIN_VALUE)
                .uuid(id)
                .text("Zoë 東京\t\\N\n")
                .timestamp(withNanos)
                .bool(true)
                .bytea(new byte[] {0, (byte) 0xff, '\\'});
        rows.row(6)
                .int8(42)
                .uuid(null)
                .text(null)
                .timestamp(beforeTheirEpoch)
                .bool(null)
                .bytea(new byte[0]);
        rows.row(6).int8(7).uuid(null).text("").timestamp(null).bool(false).bytea(null);

        List<Map<String, Object>> read = transaction.execute(status -> {
            jdbc.sql("CREATE TEMPORARY TABLE binary_copy_check (n BIGINT, u UUID, t TEXT, at TIMESTAMPTZ, b BOOLEAN,"
                            + " bytes BYTEA) ON COMMIT DROP")
                    .update();
            assertThat(copy.copy(new BulkCopy.Pending("COPY binary_copy_check FROM STDIN (FORMAT binary)", rows)))
                    .isEqualTo(3);
            return jdbc.sql("SELECT * FROM binary_copy_check ORDER BY n")
                    .query()
                    .listOfRows();
        });

        assertThat(read).hasSize(3);
        assertThat(read.get(0).get("u")).isEqualTo(id);
        assertThat(read.get(0).get("t")).isEqualTo("Zoë 東京\t\\N\n");
        assertThat(instant(read.get(0).get("at"))).isEqualTo(Instant.parse("2026-12-05T01:02:03.123456Z"));
        assertThat(read.get(0).get("b")).isEqualTo(true);
        assertThat((byte[]) read.get(0).get("bytes")).containsExactly(0, 0xff, '\\');
        assertThat(read.get(1).get("n")).isEqualTo(7L);
        assertThat(read.get(1).get("t")).isEqualTo("");
        assertThat(read.get(1).get("at")).isNull();
        assertThat(read.get(1).get("b")).isEqualTo(false);
        assertThat(read.get(1).get("bytes")).isNull();
        assertThat(read.get(2).get("n")).isEqualTo(42L);
        assertThat(read.get(2).get("u")).isNull();
        assertThat(read.get(2).get("t")).isNull();
        assertThat(instant(read.get(2).get("at"))).isEqualTo(beforeTheirEpoch);
        assertThat(read.get(2).get("b")).isNull();
        assertThat((byte[]) read.get(2).get("bytes")).isEmpty();
    }

    @Test
    void textArraysRoundTripEmptyOrNot() {
        BinaryCopyRows rows = new BinaryCopyRows();
        rows.row(2).int8(1).textArray(List.of("contact", "Zoë 東京", "", "a,b {c} \"d\""));
        rows.row(2).int8(2).textArray(List.of());

        List<String> read = transaction.execute(status -> {
            jdbc.sql("CREATE TEMPORARY TABLE binary_array_check (n BIGINT, a TEXT[]) ON COMMIT DROP")
                    .update();
            copy.copy(new BulkCopy.Pending("COPY binary_array_check FROM STDIN (FORMAT binary)", rows));
            return jdbc.sql("SELECT array_to_json(a)::text || ' ' || cardinality(a) FROM binary_array_check ORDER BY n")
                    .query(String.class)
                    .list();
        });

        assertThat(read).containsExactly("[\"contact\",\"Zoë 東京\",\"\",\"a,b {c} \\\"d\\\"\"] 4", "[] 0");
    }

    @Test
    void uuidArraysRoundTripNullEmptyOrNot() {
        List<UUID> ids = List.of(UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1), UUID.randomUUID());
        BinaryCopyRows columns = new BinaryCopyRows().uuidArray(ids).uuidArray(List.of());
        BinaryCopyRows rows = new BinaryCopyRows();
        rows.row(3).int8(1).columns(columns);
        rows.row(3).int8(2).uuidArray(null).uuidArray(List.of(ids.get(1)));

        List<String> read = transaction.execute(status -> {
            jdbc.sql("CREATE TEMPORARY TABLE binary_uuids_check (n BIGINT, a UUID[], b UUID[]) ON COMMIT DROP")
                    .update();
            assertThat(copy.copy(new BulkCopy.Pending("COPY binary_uuids_check FROM STDIN (FORMAT binary)", rows)))
                    .isEqualTo(2);
            return jdbc.sql("SELECT coalesce(array_to_string(a, ','), 'null') || ' ' || cardinality(b) || ' '"
                            + " || array_to_string(b, ',') FROM binary_uuids_check ORDER BY n")
                    .query(String.class)
                    .list();
        });

        assertThat(read)
                .containsExactly(
                        ids.stream().map(UUID::toString).collect(Collectors.joining(",")) + " 0 ",
                        "null 1 00000000-0000-0000-0000-000000000000");
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }
}
