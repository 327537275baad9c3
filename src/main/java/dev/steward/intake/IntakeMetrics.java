package dev.steward.intake;

import dev.steward.platform.FieldError;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Form submissions on this node, pages and API alike: {@code steward.intake.submissions{site,form,outcome}} with the
 * outcomes {@code accepted}, {@code awaiting-parent}, {@code refused} and {@code rate-limited}, and
 * {@code steward.intake.refusals{site,form,code}} once per error code a refused submission had. Labels are catalog
 * keys and Steward's error codes, never what was submitted.
 */
@Component
class IntakeMetrics {

    private final MeterRegistry registry;

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void takenOnCommit(String site, String form, Submitted.Status status) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                submission(site, form, status.key());
            }
        });
    }

    void refused(String site, String form, List<FieldError> errors) {
        submission(site, form, "refused");
        errors.stream()
                .map(FieldError::code)
                .distinct()
                .forEach(code -> registry.counter("steward.intake.refusals", "site", site, "form", form, "code", code)
                        .increment());
    }

    void rateLimited(String site, String form) {
        submission(site, form, "rate-limited");
    }

    private void submission(String site, String form, String outcome) {
        registry.counter("steward.intake.submissions", "site", site, "form", form, "outcome", outcome)
                .increment();
    }
}
