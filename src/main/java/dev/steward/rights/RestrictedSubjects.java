package dev.steward.rights;

import dev.steward.consent.ProcessingVeto;
import dev.steward.platform.Notifications;
import dev.steward.vault.SubjectId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The subjects whose processing is restricted on a site (GDPR Art. 18), kept in memory and current on every node:
 * every consent decision asks, and a restricted subject's decisions answer denied. {@link Restrictions} places and
 * lifts them and says when they changed.
 *
 * <p>WHY apart from {@link Restrictions}: that service's transactional methods make it a proxy, and every call
 * through it, advised or not, looks up the method's interceptors and calls the target by reflection; this question is
 * asked on every consent decision, where that was a share of the CPU (bench/README.md).
 */
@Component
class RestrictedSubjects implements ProcessingVeto {

    static final String CHANNEL = "steward_restrictions";

    private final RestrictionRepository repository;
    private final Set<Restricted> restricted = ConcurrentHashMap.newKeySet();

    RestrictedSubjects(RestrictionRepository repository, Notifications notifications) {
        this.repository = repository;
        reload();
        notifications.subscribe(CHANNEL, ignored -> reload());
    }

    boolean restricted(SubjectId subject, String site) {
        // few people are restricted at any time: most decisions need not build the key at all
        return !restricted.isEmpty() && restricted.contains(new Restricted(subject, site));
    }

    @Override
    public Optional<Veto> check(Question question) {
        return restricted(question.subject(), question.site())
                ? Optional.of(
                        new Veto("restricted", "Processing is restricted (GDPR Art. 18): the data may only be stored."))
                : Optional.empty();
    }

    /** Reads the restrictions in force again. */
    void reload() {
        Set<Restricted> current = ConcurrentHashMap.newKeySet();
        repository
                .active()
                .forEach(restriction -> current.add(new Restricted(restriction.subject(), restriction.site())));
        restricted.retainAll(current);
        restricted.addAll(current);
    }

    /** A value key, not text: a decision asks on every call and building text for it was a few per cent of its garbage. */
    private record Restricted(SubjectId subject, String site) {}
}
