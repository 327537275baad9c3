package dev.steward.vault;

import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Attention;
import dev.steward.staff.AttentionItems;
import dev.steward.staff.Caller;
import dev.steward.staff.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/** People to review: records that one shared identifier joined, which staff confirm as one person or split. */
@Component
class ReviewAttention implements AttentionItems {

    private final SubjectReviews reviews;

    private final ConsoleWords words;

    ReviewAttention(ConsoleWords words, SubjectReviews reviews) {
        this.words = words;
        this.reviews = reviews;
    }

    @Override
    public List<Attention> attentionFor(Caller caller) {
        if (!caller.may(Permission.READ_IDENTITY_REVIEWS)) {
            return List.of();
        }
        long waiting = reviews.pending().stream()
                .filter(one -> one.sites().stream().allMatch(caller::maySee))
                .count();
        return List.of(new Attention(waiting, words.get("console.attention.review"), "/admin/identity"));
    }
}
