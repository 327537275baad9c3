package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import dev.steward.test.SubjectTraces;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SweepErasure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people a sweep's batch leaves without records take with them every row the modules keep about them (their
 * statements run together, in one round trip), and leave everyone else's alone; an answered request stays as
 * evidence, no longer naming them.
 */
@StewardTest
class SweptPeopleRowsTest {

    /** Every module's table that names a person and goes with them, so that the test cannot pass on empty tables. */
    private static final List<String> FILLED = List.of(
            "account_token.subject_id",
            "cookie_visitor.subject",
            "inquiry_case.subject_id",
            "intake_token.subject_id",
            "legal_hold.subject_id",
            "mail_message.subject_id",
            "notice_change_recipient.subject_id",
            "portability_transfer.subject_id",
            "rights_request.subject_id");

    @Autowired
    SweepErasure erasure;

    @Autowired
    Identities identities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Test
    void theErasedLeaveNoRowInAnyModuleAndTheOthersKeepTheirs() {
        // completed: the versions are made up, and an open change would be the notice-change mailing's to tell
        long change = jdbc.sql("""
                        INSERT INTO notice_change (site, from_version, to_version, created_at, completed_at)
                        VALUES ('lab', 'swept-1', 'swept-2', :at, :at) RETURNING id
                        """).param("at", now()).query(Long.class).single();
        List<SubjectId> erased = List.of(identities.newSubject(List.of()), identities.newSubject(List.of()));
        SubjectId bystander = identities.newSubject(List.of());
        List<UUID> answered =
                erased.stream().map(person -> fill(person, change)).toList();
        fill(bystander, change);
        Map<String, Long> bystanders = SubjectTraces.of(jdbc, List.of(bystander.value()));
        assertThat(bystanders).containsKeys(FILLED.toArray(String[]::new));

        List<SubjectId> gone = transaction.execute(
                status -> erasure.eraseLeftWithoutRecords(erased, List.of(), "test: swept people's rows"));

        assertThat(gone).containsExactlyInAnyOrderElementsOf(erased);
        assertThat(SubjectTraces.of(jdbc, erased.stream().map(SubjectId::value).toList()))
                .isEmpty();
        assertThat(SubjectTraces.of(jdbc, List.of(bystander.value()))).isEqualTo(bystanders);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_request WHERE id = ANY(:ids) AND subject_id IS NULL")
                        .param("ids", answered.toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(answered.size());
    }

    /** A row in every module's table for the person; answers their answered request, which stays. */
    private UUID fill(SubjectId person, long change) {
        UUID subject = person.value();
        String tag = subject.toString();
        UUID request = UUID.randomUUID();
        insert(
                "INSERT INTO account_token (token_sha256, site, subject_id, created_at, expires_at)"
                        + " VALUES (:tag, 'lab', :subject, :at, :at)",
                subject,
                tag);
        insert(
                "INSERT INTO cookie_visitor (token_sha256, site, subject, created_at)"
                        + " VALUES (CAST(:tag AS bytea), 'lab', :subject, :at)",
                subject,
                tag);
        insert(
                "INSERT INTO inquiry_case (id, record_id, subject_id, site, form, activity, status, received_at)"
                        + " VALUES (gen_random_uuid(), gen_random_uuid(), :subject, 'lab', 'contact', 'inquiries', 'open', :at)",
                subject,
                tag);
        insert(
                "INSERT INTO intake_token (token_sha256, kind, site, subject_id, purposes, jurisdiction, method,"
                        + " created_at, expires_at) VALUES (:tag, 'double-opt-in', 'lab', :subject, '{newsletter}', 'EU',"
                        + " 'form', :at, :at)",
                subject,
                tag);
        insert(
                "INSERT INTO legal_hold (id, subject_id, reason, held_until, ends_at, placed_by, placed_at)"
                        + " VALUES (gen_random_uuid(), :subject, 'a claim', CAST(:at AS date), :at, 'staff', :at)",
                subject,
                tag);
        insert(
                "INSERT INTO mail_message (id, site, subject_id, kind, status, created_at, message_id)"
                        + " VALUES (gen_random_uuid(), 'lab', :subject, 'service', 'dropped', :at, :tag)",
                subject,
                tag);
        jdbc.sql("INSERT INTO notice_change_recipient (change_id, subject_id, jurisdiction, told_at)"
                        + " VALUES (:change, :subject, 'EU', :at)")
                .param("change", change)
                .param("subject", subject)
                .param("at", now())
                .update();
        jdbc.sql("""
                        INSERT INTO rights_request (id, site, jurisdiction, type, status, subject_id, details_enc,
                                                    status_token_hash, created_at, closed_at, outcome)
                        VALUES (:request, 'lab', 'EU', 'portability', 'completed', :subject, :sealed, :sealed, :at,
                                :at, 'transferred')
                        """)
                .param("request", request)
                .param("subject", subject)
                .param("sealed", tag.getBytes(StandardCharsets.UTF_8))
                .param("at", now())
                .update();
        jdbc.sql("""
                        INSERT INTO portability_transfer (id, request_id, subject_id, target_enc, status, created_at)
                        VALUES (gen_random_uuid(), :request, :subject, :sealed, 'accepted', :at)
                        """)
                .param("request", request)
                .param("subject", subject)
                .param("sealed", tag.getBytes(StandardCharsets.UTF_8))
                .param("at", now())
                .update();
        return request;
    }

    private void insert(String sql, UUID subject, String tag) {
        jdbc.sql(sql)
                .param("subject", subject)
                .param("tag", tag)
                .param("at", now())
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
