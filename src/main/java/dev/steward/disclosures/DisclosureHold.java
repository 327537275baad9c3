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
}
