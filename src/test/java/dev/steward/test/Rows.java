package dev.steward.test;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the rows a submission could leave behind, table by table, so a test can show that a refused one left none.
 * Consent events appended by Steward's own lapse job are left out: they may arrive at any time. Rows may go meanwhile
 * (a job erasing a registration never confirmed, with its mail), so "nothing stored" is "no table grew".
 */
public final class Rows {

    private static final Map<String, String> COUNTS = Map.of(
            "data_subject", "SELECT count(*) FROM data_subject",
            "subject_identifier", "SELECT count(*) FROM subject_identifier",
            "personal_record", "SELECT count(*) FROM personal_record",
            "consent_event", "SELECT count(*) FROM consent_event WHERE action <> 'lapsed'",
            "mail_message", "SELECT count(*) FROM mail_message",
            "disclosure", "SELECT count(*) FROM disclosure",
            "intake_token", "SELECT count(*) FROM intake_token",
            "account", "SELECT count(*) FROM account");

    private Rows() {}

    public static Map<String, Long> count(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTS.keySet().stream()
                .sorted()
                .forEach(table -> counts.put(
                        table, jdbc.sql(COUNTS.get(table)).query(Long.class).single()));
        return counts;
    }

    /** The tables with more rows than {@code before} counted, and their counts now: empty when nothing was stored. */
    public static Map<String, Long> grownSince(JdbcClient jdbc, Map<String, Long> before) {
        Map<String, Long> grown = new LinkedHashMap<>();
        count(jdbc).forEach((table, now) -> {
            if (now > before.get(table)) {
                grown.put(table, now);
            }
        });
        return grown;
    }
}
