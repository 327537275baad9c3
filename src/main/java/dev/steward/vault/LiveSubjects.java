package dev.steward.vault;

import dev.steward.platform.Notifications;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether a subject exists (was created and not erased), answered from the subject key cache when it can be: what
 * {@link Vault#exists} answers.
 *
 * <p>WHY apart from the {@link Vault}: the vault's transactional methods make it a proxy, and every call through it,
 * advised or not, looks up the method's interceptors and calls the target by reflection. A consent decision asks
 * this on every call, where that was a share of the CPU (bench/README.md); the question needs no transaction.
 */
@Component
public class LiveSubjects {

    /** Where V175's triggers announce subjects that came onto a site: their ids, or nothing for many at once. */
    static final String SITES_CHANNEL = "steward_subject_site";

    private final SubjectKeys keys;
    private final Notifications notifications;

    LiveSubjects(SubjectKeys keys, Notifications notifications) {
        this.keys = keys;
        this.notifications = notifications;
    }

    /**
     * Calls the listener, on every node, with each subject that came onto a site it was not known on ({@link
     * #sitesSql} has one more site for them), or with {@code null} when many did at once or some may have been missed
     * (a lost database connection): then every cached answer that a subject is not known on a site must go. Called
     * once the writing transaction committed, as a consent's notification is.
     */
    public void onArrival(Consumer<@Nullable SubjectId> listener) {
        notifications.subscribe(SITES_CHANNEL, subjects -> {
            if (subjects == null || subjects.isEmpty()) {
                listener.accept(null);
            } else {
                for (String subject : subjects.split(",")) {
                    listener.accept(SubjectId.parse(subject));
                }
            }
        });
    }

    public boolean exists(SubjectId subject) {
        return keys.of(subject).isPresent();
    }

    /**
     * Whether this node holds the subject's key (cached, or of a subject created in bulk whose rows are not written
     * yet), without a query: for a caller that has just read from the database that the subject is not there, and
     * must answer as {@link #exists} would for a subject being created.
     */
    public boolean held(SubjectId subject) {
        return keys.held(subject);
    }

    /**
     * The SQL condition "the subject whose id is the named parameter exists", for another module's query that must
     * learn it in the same round trip as its own rows: the only way a module outside the vault may ask about the
     * vault's {@code data_subject} in SQL (the vault owns the table; this text changes with it). It answers from the
     * database as of the query, like {@link #exists} does on a cache miss, but knows nothing of subjects created in
     * bulk whose rows are not committed yet: where that matters, ask {@link #held} when it answers {@code false}.
     *
     * <p>WHY: a consent decision about a person no cache holds asked the vault for their key (one query, an unwrap
     * with the master key, a cache entry) and then the ledger for their words (a second query); read beside the words,
     * the existence costs neither (bench/README.md, miss12).
     */
    public static String existsSql(String parameter) {
        return "EXISTS (SELECT FROM data_subject WHERE id = :" + parameter + ")";
    }

    /**
     * The SQL expression "the sites the subject whose id is the named parameter has a record, a rights request or an
     * account on", a text array (empty for none): as {@link #existsSql}, for a query that must learn it beside its own
     * rows. Consent events are not in it, since the ledger knows them; a subject erased has none. WHY: a site's
     * integrator is answered as if only the site's people existed (attack13 M1), and this is one index probe in the
     * decision's own statement (V175).
     */
    public static String sitesSql(String parameter) {
        return "ARRAY(SELECT site FROM subject_site WHERE subject_id = :" + parameter + ")";
    }
}
