package dev.steward.newsletter;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.SiteMail;
import dev.steward.mail.Envelope;
import dev.steward.mail.Mailer;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign as its messages will look, before it goes: previewed in the console (HTML and text) and sent as a test
 * to a member of staff. The preview's links lead nowhere personal: its unsubscribe and tracking values are
 * stand-ins no message carries. A test goes only to an address at the domain of the site's sender ({@code From}), or
 * under it: sent to anyone else it would be the campaign, with its tracking links, reaching a person without their
 * consent, past every check of who may receive it. Only the sender's domain, because it is the one the operator must
 * control (Steward signs it with DKIM, and a receiver checks DMARC against it); a Reply-To may be any mailbox, at a
 * free-mail provider too. And never a free-mail domain ({@link FreeMailDomains}), where anyone can have an address,
 * nor an address of a person Steward knows on the site ({@link TestAddresses}).
 */
@Service
class CampaignPreviews {

    static final String PREVIEW_TOKEN = "preview";
    private static final Pattern CID_SOURCE = Pattern.compile("src=\"cid:([A-Za-z0-9._-]+)@[A-Za-z0-9.-]+\"");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    private final VisibleCampaigns visible;
    private final CampaignRenderer renderer;
    private final Mailer mailer;
    private final Catalogs catalogs;
    private final FreeMailDomains freeMail;
    private final TestAddresses testAddresses;

    private final CampaignImageRepository images;

    CampaignPreviews(
            VisibleCampaigns visible,
            CampaignRenderer renderer,
            Mailer mailer,
            Catalogs catalogs,
            FreeMailDomains freeMail,
            TestAddresses testAddresses,
            CampaignImageRepository images) {
        this.testAddresses = testAddresses;
        this.images = images;
        this.freeMail = freeMail;
        this.visible = visible;
        this.renderer = renderer;
        this.mailer = mailer;
        this.catalogs = catalogs;
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
        Envelope envelope = rendered.envelope("person@example.org", PREVIEW_TOKEN, tracked ? PREVIEW_TOKEN : null);
        return new Preview(
                envelope.from() == null ? "" : envelope.from().address(),
                envelope.replyTo(),
                envelope.subjectLine(),
                envelope.headers(),
                envelope.text(),
                envelope.html(),
                tracked && rendered.trackable());
    }

    /**
     * The preview as the console shows it: each attached picture's {@code cid:} address replaced by the picture itself
     * as a {@code data:} address. The console's preview is a sandboxed frame of no origin, which the console's
     * sign-in cookie does not reach, and the picture must not have an address outside the sign-in.
     */
    Preview forConsole(UUID id, boolean tracked) {
        Preview preview = preview(id, tracked);
        Map<String, String> inline = new HashMap<>();
        for (CampaignImage.Stored stored : images.all(id)) {
            inline.put(
                    stored.image().name(),
                    "data:" + stored.image().mediaType() + ";base64,"
                            + Base64.getEncoder().encodeToString(stored.bytes()));
        }
        if (inline.isEmpty()) {
            return preview;
        }
        String html = CID_SOURCE.matcher(preview.html()).replaceAll(found -> {
            String data = inline.get(found.group(1));
            return Matcher.quoteReplacement(data == null ? found.group() : "src=\"" + data + "\"");
        });
        return new Preview(
                preview.from(),
                preview.replyTo(),
                preview.subjectLine(),
                preview.headers(),
                preview.text(),
                html,
                preview.tracked());
    }

    /** Queues the campaign, marked as a test, to a staff address; answers the outbox message. */
    @Transactional
    UUID test(UUID id, @Nullable String to) {
        Campaign campaign = visible.get(id);
        if (to == null || to.length() > 254 || !ADDRESS.matcher(to.strip()).matches()) {
            throw new InvalidInputException(
                    FieldError.of("to", "invalid-address", "error.newsletter.to.invalid-address"));
        }
        String sender = senderDomain(campaign.site());
        if (freeMail.isFreeMail(sender)) {
            throw new InvalidInputException(
                    FieldError.of("to", "sender-free-mail", "error.newsletter.to.sender-free-mail", sender));
        }
        String domain = domain(to.strip());
        if (sender.isEmpty() || !(domain.equals(sender) || domain.endsWith("." + sender))) {
            throw new InvalidInputException(FieldError.of("to", "not-staff", "error.newsletter.to.not-staff", sender));
        }
        if (testAddresses.ofAPerson(campaign.site(), to.strip())) {
            throw new InvalidInputException(FieldError.of("to", "a-person", "error.newsletter.to.a-person"));
        }
        RenderedCampaign rendered = renderer.render(campaign);
        Envelope envelope = rendered.envelope(to.strip(), PREVIEW_TOKEN, null);
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
                        envelope.secrets(),
                        rendered.images()));
    }

    /** The domain of the site's sender, in lower case; empty for a site that sends no campaigns. */
    private String senderDomain(String site) {
        SiteMail mail = catalogs.requireSite(site).mail();
        return mail == null ? "" : mail.from().domain();
    }

    private static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
