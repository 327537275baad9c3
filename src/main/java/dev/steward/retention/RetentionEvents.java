package dev.steward.retention;

import dev.steward.accounts.AccountUsed;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentRecorded;
import dev.steward.inquiries.CaseClosed;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The events that start retention clocks. Each is handled after the transaction that published it committed, in a
 * transaction of its own; Spring Modulith keeps the publication until it was handled, so a crash loses none.
 */
@Component
class RetentionEvents {

    /** Actions after which processing on consent stops, and with it a subscription. */
    private static final Set<ConsentAction> ENDS_SUBSCRIPTION =
            Set.of(ConsentAction.WITHDRAWN, ConsentAction.LAPSED, ConsentAction.OBJECTED);

    private final DueTimes dueTimes;

    RetentionEvents(DueTimes dueTimes) {
        this.dueTimes = dueTimes;
    }

    @ApplicationModuleListener
    void on(CaseClosed event) {
        dueTimes.caseClosed(event.record(), event.closedAt());
    }

    @ApplicationModuleListener
    void on(AccountUsed event) {
        dueTimes.accountUsed(event.subject(), event.site(), event.at());
    }

    @ApplicationModuleListener
    void on(ConsentRecorded event) {
        if (ENDS_SUBSCRIPTION.contains(event.action())) {
            dueTimes.subscriptionEnded(event.subject(), event.site(), event.purpose(), event.occurredAt());
        }
    }
}
