package dev.steward.vault;

import dev.steward.platform.NotFoundException;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The review cases a member of staff may see and decide: a member limited to some sites only those whose records are
 * all on their sites; any other answers as if it did not exist.
 */
@Component
class VisibleReviews {

    private final SubjectReviews reviews;
    private final CurrentCaller caller;

    VisibleReviews(SubjectReviews reviews, CurrentCaller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    List<SubjectReviews.ReviewCase> all() {
        Caller current = caller.get();
        return reviews.pending().stream()
                .filter(one -> one.sites().stream().allMatch(current::maySee))
                .toList();
    }

    List<SubjectId> split(SubjectId subject) {
        requireVisible(subject);
        return reviews.split(subject, caller.get().name());
    }

    void confirmOnePerson(SubjectId subject, String reason) {
        requireVisible(subject);
        reviews.confirmOnePerson(subject, caller.get().name(), reason);
    }

    private void requireVisible(SubjectId subject) {
        if (all().stream().noneMatch(one -> one.subject().equals(subject))) {
            throw new NotFoundException("There is no subject " + subject + " waiting for review.");
        }
    }
}
