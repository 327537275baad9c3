package dev.steward.consent;

import java.util.List;
import java.util.Optional;

/** One subject's latest consent event for each site and purpose it has words on: what the index caches per subject. */
record SubjectConsents(List<Latest> latest) {

    record Latest(String site, String purpose, LatestConsent event) {}

    SubjectConsents {
        latest = List.copyOf(latest);
    }

    Optional<LatestConsent> latest(String site, String purpose) {
        for (Latest one : latest) {
            if (one.site().equals(site) && one.purpose().equals(purpose)) {
                return Optional.of(one.event());
            }
        }
        return Optional.empty();
    }

    /** The subject's latest consent action on the site, whatever its purpose. */
    Optional<LatestConsent> latestOn(String site) {
        return latest.stream()
                .filter(one -> one.site().equals(site))
                .map(Latest::event)
                .max(LatestConsent::order);
    }
}
