package dev.steward.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a new version of a site's notice changed, for the people it concerns: sentences a person reads, the
 * processing activities the change touches (directly, or through a purpose, field, recipient, transfer or retention
 * rule they use), those among them that ask for consent, the jurisdictions whose notice reads differently, and whether the sentences
 * name some element in the site's default language for want of a translation.
 */
public record NoticeChange(
        String site,
        String from,
        String to,
        LocalDate effective,
        List<String> sentences,
        Set<String> activities,
        Set<String> consentActivities,
        Set<String> jurisdictions,
        boolean namesUntranslated) {

    public NoticeChange {
        sentences = List.copyOf(sentences);
        activities = Set.copyOf(activities);
        consentActivities = Set.copyOf(consentActivities);
        jurisdictions = Set.copyOf(jurisdictions);
    }

    /** Where anyone reads every change, element by element. */
    public String diffPath() {
        return "/s/" + site + "/privacy/diff?from=" + from + "&to=" + to;
    }
}
