package dev.steward.newsletter;

import dev.steward.mail.Envelope;
import dev.steward.mail.Mailer;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign as its messages will look, before it goes: previewed in the console (HTML and text) and sent as a test
 * to a member of staff. The preview's links lead nowhere personal: its unsubscribe and tracking values are
 * placeholders no message carries.
 */
@Service
class CampaignPreviews {

    static final String PLACEHOLDER = "preview";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    private final VisibleCampaigns visible;
    private final CampaignRenderer renderer;
    private final Mailer mailer;

    CampaignPreviews(VisibleCampaigns visible, CampaignRenderer renderer, Mailer mailer) {
        this.visible = visible;
        this.renderer = renderer;
        this.mailer = mailer;
    }

    /** As a person receives it: tracked only when the site tracks and they consented to it. */
    record Preview(
            String from,
            @Nullable String replyTo,
            String subjectLine,
            Map<String, String> headers,
            String text,
            String html,
            boolean tracked) {}

    Preview preview(UUID id, boolean tracked) {
        RenderedCampaign rendered = renderer.render(visible.get(id));
        Envelope envelope = rendered.envelope("person@example.org", PLACEHOLDER, tracked ? PLACEHOLDER : null);
        return new Preview(
                envelope.from() == null ? "" : envelope.from().address(),
                envelope.replyTo(),
                envelope.subjectLine(),
                envelope.headers(),
                envelope.text(),
                envelope.html(),
                tracked && rendered.trackable());
    }

    /** Queues the campaign, marked as a test, to a staff address; answers the outbox message. */
    @Transactional
    UUID test(UUID id, @Nullable String to) {
        Campaign campaign = visible.get(id);
        if (to == null || to.length() > 254 || !ADDRESS.matcher(to.strip()).matches()) {
            throw new InvalidInputException(
                    FieldError.of("to", "invalid-address", "error.newsletter.to.invalid-address"));
        }
        Envelope envelope = renderer.render(campaign).envelope(to.strip(), PLACEHOLDER, null);
        return mailer.queueForStaff(
                campaign.site(),
                new Envelope(
                        envelope.to(),
                        "[Test] " + envelope.subjectLine(),
                        envelope.text(),
                        envelope.html(),
                        envelope.from(),
                        envelope.replyTo(),
                        envelope.headers(),
                        envelope.secrets()));
    }
}
