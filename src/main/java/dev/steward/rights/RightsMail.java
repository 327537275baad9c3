package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteTimes;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.platform.StewardProperties;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The e-mails a requester gets at each step of their request: all service mail, none of it marketing. */
@Component
class RightsMail {

    private final Mailer mailer;
    private final Catalogs catalogs;
    private final StewardProperties properties;
    private final MessageSource messages;
    private final SiteTimes times;
    private final RequestWords wording;

    RightsMail(
            Mailer mailer,
            Catalogs catalogs,
            StewardProperties properties,
            MessageSource messages,
            SiteTimes times,
            RequestWords wording) {
        this.times = times;
        this.wording = wording;
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
                new Object[] {describe(request), times.day(request.deadline(), site, request.jurisdiction(), language)},
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
        Locale language = language(request);
        send(
                request,
                email,
                words(language, "mail.rights.extended.subject"),
                words(
                        language,
                        "mail.rights.extended.text",
                        describe(request),
                        reason,
                        times.day(
                                newDeadline, catalogs.requireSite(request.site()), request.jurisdiction(), language)));
    }

    void completed(RightsRequest request, String email, String outcome) {
        send(request, email, words(language(request), "mail.rights.answered.subject"), outcome);
    }

    void transferred(RightsRequest request, String email, String outcome) {
        send(request, email, words(language(request), "mail.rights.transferred.subject"), outcome);
    }

    /** The answer that carries a package: its link and code are the requester's alone. */
    void packageReady(RightsRequest request, String email, String text, AccessPackages.Released released) {
        send(
                request,
                email,
                words(language(request), "mail.rights.answered.subject"),
                text,
                released.token(),
                released.code());
    }

    /** Wrong codes locked the package's link: its copy under a new link and code, to the verified address alone. */
    void packageRelinked(RightsRequest request, String email, AccessPackages.Released released) {
        Locale language = language(request);
        send(
                request,
                email,
                words(language, "mail.rights.relinked.subject"),
                words(
                        language,
                        "mail.rights.relinked.text",
                        released.code(),
                        wording.day(request, released.expiresAt()),
                        packageLink(request, released.token())),
                released.token(),
                released.code());
    }

    String packageLink(RightsRequest request, String token) {
        return centre(request) + "/packages/" + token;
    }

    void denied(RightsRequest request, String email, String reason) {
        Locale language = language(request);
        send(
                request,
                email,
                words(language, "mail.rights.denied.subject"),
                words(language, "mail.rights.denied.text", describe(request), reason));
    }

    void fee(RightsRequest request, String email, String fee) {
        Locale language = language(request);
        send(request, email, words(language, "mail.rights.fee.subject"), words(language, "mail.rights.fee.text", fee));
    }

    /** Sent before a restriction is lifted; exempt from the restriction's hold on mail, so it goes out at once. */
    void liftingRestriction(RightsRequest request, String email) {
        mailer.queue(OutgoingMail.service(
                        request.site(),
                        request.subject(),
                        email,
                        siteName(request) + ": " + words(language(request), "mail.rights.lifting.subject"),
                        words(language(request), "mail.rights.lifting.text"))
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
                        request.site(),
                        subject,
                        email,
                        siteName(request) + ": " + words(language(request), "mail.rights.answered.subject"),
                        outcome)
                .withCategory(OutgoingMail.AFTER_ERASURE));
    }

    String statusLink(RightsRequest request, String statusToken) {
        return centre(request) + "/requests/" + statusToken;
    }

    private String centre(RightsRequest request) {
        return properties.publicUrl() + "/s/" + request.site() + "/privacy-center";
    }

    private String siteName(RightsRequest request) {
        return catalogs.requireSite(request.site()).name().in(language(request).getLanguage());
    }

    private String words(Locale language, String code, Object... arguments) {
        return messages.getMessage(code, arguments, language);
    }

    /** What the request asks for, as the end of "You asked the site to …". */
    String describe(RightsRequest request) {
        return messages.getMessage(
                "rights.ask." + request.typeKey(),
                null,
                messages.getMessage("rights.ask.other", null, language(request)),
                language(request));
    }

    private Locale language(RightsRequest request) {
        return wording.language(request);
    }
}
