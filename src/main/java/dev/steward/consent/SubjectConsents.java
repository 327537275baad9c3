package dev.steward.consent;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One subject's latest consent event for each site and purpose it has words on, and the sites it has other data on (a
 * record, a rights request, an account): what the index caches per subject.
 */
record SubjectConsents(List<Latest> latest, List<String> sites) {

    record Latest(String site, String purpose, LatestConsent event) {}

    SubjectConsents {
        latest = List.copyOf(latest);
        sites = List.copyOf(sites);
    }

    /**
     * Whether the subject has anything on the site: a word in the ledger or other data. A site's integrator is answered
     * as if only the site's people existed (attack13 M1). Without a stream: a decision asks on every call.
     */
    boolean knownOn(String site) {
        for (int i = 0; i < latest.size(); i++) {
            if (latest.get(i).site().equals(site)) {
                return true;
            }
        }
        return sites.contains(site);
    }

    Optional<LatestConsent> latest(String site, String purpose) {
        return Optional.ofNullable(latestOrNull(site, purpose));
    }

    /** As {@link #latest}, without an {@code Optional} (a decision asks on every call). */
    @Nullable
    LatestConsent latestOrNull(String site, String purpose) {
        for (int i = 0; i < latest.size(); i++) {
            Latest one = latest.get(i);
            if (one.site().equals(site) && one.purpose().equals(purpose)) {
                return one.event();
            }
        }
        return null;
    }

    /** The jurisdiction of {@link #latestOn}, else the fallback; without a stream or an {@code Optional}. */
    String jurisdictionOn(String site, String fallback) {
        LatestConsent found = null;
        for (int i = 0; i < latest.size(); i++) {
            Latest one = latest.get(i);
            if (one.site().equals(site) && LatestConsent.order(one.event(), found) > 0) {
                found = one.event();
            }
        }
        return found != null ? found.jurisdiction() : fallback;
    }

    /** The subject's latest consent action on the site, whatever its purpose. */
    Optional<LatestConsent> latestOn(String site) {
        return latest.stream()
                .filter(one -> one.site().equals(site))
                .map(Latest::event)
                .max(LatestConsent::order);
    }
}
