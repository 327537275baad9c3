package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteTimes;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.platform.StewardProperties;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The e-mails a requester gets at each step of their request: all service mail, none of it marketing. */
@Component
class RightsMail {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final Mailer mailer;
    private final Catalogs catalogs;
    private final StewardProperties properties;
    private final MessageSource messages;
    private final SiteTimes times;

    RightsMail(
            Mailer mailer, Catalogs catalogs, StewardProperties properties, MessageSource messages, SiteTimes times) {
        this.times = times;
        this.mailer = mailer;
        this.catalogs = catalogs;
        this.properties = properties;
        this.messages = messages;
    }

    /** Sent in the request that the visitor makes, so in the language they read the site in. */
    void verify(RightsRequest request, String email, String verificationToken, String code, String statusToken) {
        Locale language = language(request);
        send(
                request,
                email,
                messages.getMessage("mail.rights.verify.subject", null, language),
                messages.getMessage(
                        "mail.rights.verify.text",
                        new Object[] {
                            siteName(request),
                            describe(request),
                            centre(request) + "/verify?token=" + verificationToken,
                            code,
                            statusLink(request, statusToken)
                        },
                        language),
                verificationToken,
                code,
                statusToken);
    }

    /** The status link goes along when no verification mail carried it (a signed-in requester). */
    void received(RightsRequest request, String email, @Nullable String statusToken) {
        Locale language = language(request);
        Site site = catalogs.requireSite(request.site());
        String text = messages.getMessage(
                "mail.rights.received.text",
                new Object[] {describe(request), times.day(request.deadline(), site, language)},
                language);
        send(
                request,
                email,
                messages.getMessage("mail.rights.received.subject", null, language),
                statusToken == null
                        ? text
                        : text + "\n\n" + messages.getMessage("mail.rights.follow", null, language) + "\n"
                                + statusLink(request, statusToken),
                statusToken == null ? new String[0] : new String[] {statusToken});
    }

    void extended(RightsRequest request, String email, Instant newDeadline, String reason) {
        send(
                request,
                email,
                "We need more time for your request",
                "We need more time to answer your request to " + describe(request) + ", because:\n\n" + reason
                        + "\n\nWe will answer by " + day(newDeadline) + ".");
    }

    void completed(RightsRequest request, String email, String outcome) {
        send(request, email, "Your request is answered", outcome);
    }

    void transferred(RightsRequest request, String email, String outcome) {
        send(request, email, "Your data transfer", outcome);
    }

    /** The answer that carries a package: its link and code are the requester's alone. */
    void packageReady(RightsRequest request, String email, String text, AccessPackages.Released released) {
        send(request, email, "Your request is answered", text, released.token(), released.code());
    }

    String packageLink(RightsRequest request, String token) {
        return centre(request) + "/packages/" + token;
    }

    void denied(RightsRequest request, String email, String reason) {
        send(
                request,
                email,
                "Your request was refused",
                "We cannot comply with your request to " + describe(request) + ", because:\n\n" + reason
                        + "\n\nYou may complain to a supervisory authority or seek a judicial remedy.");
    }

    void fee(RightsRequest request, String email, String fee) {
        send(
                request,
                email,
                "An administrative fee applies to your request",
                "You have asked for a copy of your data before. For this further copy we charge an administrative fee of "
                        + fee + ", as our privacy notice says.");
    }

    /** Sent before a restriction is lifted; exempt from the restriction's hold on mail, so it goes out at once. */
    void liftingRestriction(RightsRequest request, String email) {
        mailer.queue(OutgoingMail.service(
                        request.site(),
                        request.subject(),
                        email,
                        siteName(request) + ": The restriction of your data will be lifted",
                        "As we told you when you asked us to restrict the processing of your data (GDPR Art. 18), we"
                                + " notify you before the restriction is lifted. From now on your data is processed again as"
                                + " our privacy notice describes.")
                .withCategory(OutgoingMail.RESTRICTION_LIFTING));
    }

    private void send(RightsRequest request, String email, String subjectLine, String text, String... secrets) {
        mailer.queue(OutgoingMail.service(
                        request.site(), request.subject(), email, siteName(request) + ": " + subjectLine, text)
                .withSecrets(secrets));
    }

    /** Mail to a subject who is being erased is sealed so that it outlives their key until it is sent. */
    void completedAfterErasure(RightsRequest request, SubjectId subject, String email, String outcome) {
        mailer.queue(OutgoingMail.service(
                        request.site(), subject, email, siteName(request) + ": Your request is answered", outcome)
                .withCategory(OutgoingMail.AFTER_ERASURE));
    }

    String statusLink(RightsRequest request, String statusToken) {
        return centre(request) + "/requests/" + statusToken;
    }

    private String centre(RightsRequest request) {
        return properties.publicUrl() + "/s/" + request.site() + "/privacy-center";
    }

    private String siteName(RightsRequest request) {
        Site site = catalogs.requireSite(request.site());
        return site.name().in(VisitorLanguages.of(site));
    }

    /** What the request asks for, as the end of "You asked the site to …". */
    String describe(RightsRequest request) {
        return messages.getMessage(
                "rights.ask." + request.typeKey(),
                null,
                messages.getMessage("rights.ask.other", null, language(request)),
                language(request));
    }

    /** The language of the request being served, if the site offers it, else the site's default. */
    private Locale language(RightsRequest request) {
        return Locale.forLanguageTag(VisitorLanguages.of(catalogs.requireSite(request.site())));
    }

    static String day(Instant instant) {
        return instant == null ? "soon" : DAY.format(instant);
    }
}
