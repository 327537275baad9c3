package dev.steward.disclosures;

import dev.steward.vault.SubjectId;
import java.util.Optional;

/**
 * A reason not to disclose a person's data to anyone for now, such as a restriction of processing (GDPR Art. 18:
 * while restricted, data may only be stored). Beans implementing it are asked before every disclosure.
 */
public interface DisclosureHold {

    /** Why disclosures of the subject's data on the site are stopped, if they are. */
    Optional<String> holds(SubjectId subject, String site);

    /**
     * The same question for the disclosures of one bulk append, in the caller's transaction: each answer is what
     * {@link #holds} would give, but a hold may look up what it needs once for the whole batch (by default it just
     * asks {@link #holds} each time).
     */
    default Look batch() {
        return this::holds;
    }

    /** One batch's look at its disclosures, asked for each of them in turn. */
    @FunctionalInterface
    interface Look {
        Optional<String> holds(SubjectId subject, String site);
    }
}
