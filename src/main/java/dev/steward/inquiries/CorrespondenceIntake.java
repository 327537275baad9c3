package dev.steward.inquiries;

import dev.steward.intake.FormSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case for every accepted submission of correspondence, after the submission committed. The event stays
 * in the publication registry until a case is open, so a crash in between loses no inquiry.
 */
@Component
class CorrespondenceIntake {

    private final Inquiries inquiries;

    CorrespondenceIntake(Inquiries inquiries) {
        this.inquiries = inquiries;
    }

    @ApplicationModuleListener
    void submitted(FormSubmitted submission) {
        inquiries.open(submission);
    }
}
