package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole sweep over thousands of people with every mix of due and not-yet-due records, their due records spread
 * over several batches of both workers: afterwards exactly the due records are gone, each named by one tombstone, and
 * exactly the people left with no record at all are gone with them; people who had no record to begin with, or keep
 * one not yet due, stay.
 */
@StewardTest
class SweepExactnessTest {

    private static final int PEOPLE = 12_000;

    @Autowired
    Sweeper sweeper;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void theSweepErasesExactlyTheDueRecordsAndExactlyThePeopleLeftWithNone() {
        Instant now = clock.instant();
        Random random = new Random(16);
        List<UUID> people = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        List<Boolean> dueFlags = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (int person = 0; person < PEOPLE; person++) {
            UUID subject = UUID.randomUUID();
            people.add(subject);
            // 0 to 5 records, each due with even odds: some people keep all, some lose all, most lose some
            for (int record = random.nextInt(6); record > 0; record--) {
                owners.add(subject);
                dueFlags.add(random.nextBoolean());
                // due times spread over an hour, so that one person's due records fall in different batches
                offsets.add(random.nextInt(3_600));
            }
        }
        insertSubjects(people, now);
        List<UUID> records = insertRecords(owners, dueFlags, offsets, now);
        assertThat(dueFlags.stream().filter(due -> due).count())
                .as("more due records than a batch takes, so that each worker sweeps several batches")
                .isGreaterThan(2L * sweeper.batchSize());
        Set<UUID> keptRecords = new HashSet<>();
        Set<UUID> dueRecords = new HashSet<>();
        Set<UUID> keptPeople = new HashSet<>();
        Set<UUID> withRecords = new HashSet<>(owners);
        for (int i = 0; i < records.size(); i++) {
            if (dueFlags.get(i)) {
                dueRecords.add(records.get(i));
            } else {
                keptRecords.add(records.get(i));
                keptPeople.add(owners.get(i));
            }
        }
        people.stream().filter(person -> !withRecords.contains(person)).forEach(keptPeople::add);

        sweeper.sweep("test", progress -> {});

        assertThat(existing("personal_record", records)).isEqualTo(keptRecords);
        assertThat(existing("data_subject", people)).isEqualTo(keptPeople);
        assertThat(jdbc.sql("""
                        SELECT r.id, count(*) FROM erasure_log, unnest(record_ids) AS r(id)
                         WHERE r.id = ANY(:ids) GROUP BY r.id
                        """)
                        .param("ids", records.toArray(UUID[]::new))
                        .query((rs, row) -> rs.getLong(2) == 1 ? rs.getObject(1, UUID.class) : null)
                        .list())
                .as("one tombstone for each due record, none for the others")
                .containsExactlyInAnyOrderElementsOf(dueRecords);
        jdbc.sql("DELETE FROM data_subject WHERE id = ANY(:ids)")
                .param("ids", people.toArray(UUID[]::new))
                .update();
    }

    private void insertSubjects(List<UUID> people, Instant now) {
        jdbc.sql("""
                        INSERT INTO data_subject (id, wrapped_key, created_at)
                        SELECT s, '\\x00'::bytea, :at FROM unnest(CAST(:ids AS uuid[])) AS t(s)
                        """)
                .param("ids", people.toArray(UUID[]::new))
                .param("at", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The records' ids, in the order given; a due one's due time lies up to an hour back, the others' a day ahead. */
    private List<UUID> insertRecords(List<UUID> owners, List<Boolean> due, List<Integer> offsets, Instant now) {
        List<UUID> ids = owners.stream().map(owner -> UUID.randomUUID()).toList();
        jdbc.sql("""
                        INSERT INTO personal_record (id, subject_id, site, activity, notice_version, legal_basis,
                            jurisdiction, collected_at, state, retention_rule, due_at, fields_enc)
                        SELECT r, s, 'lab', 'bulk', '1', 'gdpr-6-1-b', 'EU', :at, 'ACTIVE', 'bulk-day',
                               CASE WHEN d THEN :now - o * interval '1 second' ELSE :now + interval '1 day' END,
                               '\\x00'::bytea
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:subjects AS uuid[]), CAST(:due AS boolean[]),
                               CAST(:offsets AS int[])) AS t(r, s, d, o)
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .param("subjects", owners.toArray(UUID[]::new))
                .param("due", due.toArray(Boolean[]::new))
                .param("offsets", offsets.toArray(Integer[]::new))
                .param("at", now.minusSeconds(86_400 * 2).atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        return ids;
    }

    private Set<UUID> existing(String table, List<UUID> ids) {
        return new HashSet<>(jdbc.sql("SELECT id FROM " + table + " WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }
}
