package dev.steward.newsletter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.steward.platform.ApiErrors;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/mail/inbound}: how the operator's mail system hands Steward what comes back. Either the raw mail
 * ({@code message/rfc822}: a bounce notification, a complaint, a mail to the unsubscribe address), or a report as JSON
 * ({@code {"messageId":"<…>","type":"hard|soft|complaint"}}) for providers that post their own bounce webhooks. The
 * caller proves itself with the secret {@code STEWARD_MAIL_INBOUND_SECRET} as a bearer token; without a secret
 * configured the address does not exist.
 */
@RestController
class InboundMailController {

    static final String PATH = "/api/v1/mail/inbound";
    private static final int MAX_BYTES = 2_000_000;

    private final Bounces bounces;
    private final NewsletterSettings settings;
    private final ErrorWords words;

    InboundMailController(Bounces bounces, NewsletterSettings settings, ErrorWords words) {
        this.words = words;
        this.bounces = bounces;
        this.settings = settings;
    }

    record Handled(String handled) {}

    /** A provider's report carries more than Steward reads; only these two fields count. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record JsonReport(@Nullable String messageId, @Nullable String type) {}

    @Operation(
            summary = "Hand back a bounce, complaint or unsubscribe mail",
            description = "The operator's mail system posts what came back, as the raw message or as a JSON report"
                    + " (type hard, soft or complaint, and the Message-ID); Steward stops mailing whom it concerns."
                    + " Authorised with the bearer secret STEWARD_MAIL_INBOUND_SECRET; 404 while none is set.",
            security = @SecurityRequirement(name = "inboundSecret"))
    @PostMapping(
            value = PATH,
            consumes = {"message/rfc822", "text/plain", "application/octet-stream"})
    ResponseEntity<?> raw(
            @RequestBody byte[] mail,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
            HttpServletRequest request) {
        ResponseEntity<ApiErrors> refused = refused(auth, request);
        if (refused != null) {
            return refused;
        }
        if (mail.length > MAX_BYTES) {
            throw new InvalidInputException(
                    FieldError.of("mail", "too-long", "error.newsletter.mail.too-long", MAX_BYTES));
        }
        return ResponseEntity.accepted().body(new Handled(bounces.handle(InboundMail.read(mail))));
    }

    @Operation(
            summary = "Hand back a bounce, complaint or unsubscribe mail",
            description = "The operator's mail system posts what came back, as the raw message or as a JSON report"
                    + " (type hard, soft or complaint, and the Message-ID); Steward stops mailing whom it concerns."
                    + " Authorised with the bearer secret STEWARD_MAIL_INBOUND_SECRET; 404 while none is set.",
            security = @SecurityRequirement(name = "inboundSecret"))
    @PostMapping(value = PATH, consumes = "application/json")
    ResponseEntity<?> json(
            @RequestBody JsonReport report,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
            HttpServletRequest request) {
        ResponseEntity<ApiErrors> refused = refused(auth, request);
        if (refused != null) {
            return refused;
        }
        if (report.messageId() == null || report.messageId().isBlank()) {
            throw new InvalidInputException(
                    FieldError.of("messageId", "required", "error.newsletter.messageId.required"));
        }
        String type = report.type() == null ? "" : report.type().toLowerCase(Locale.ROOT);
        InboundMail.Report read = switch (type) {
            case "hard" -> new InboundMail.Report.Bounce(report.messageId(), true);
            case "soft" -> new InboundMail.Report.Bounce(report.messageId(), false);
            case "complaint" -> new InboundMail.Report.Complaint(report.messageId());
            default ->
                throw new InvalidInputException(
                        FieldError.of("type", "invalid-option", "error.newsletter.type.invalid-option"));
        };
        return ResponseEntity.accepted().body(new Handled(bounces.handle(read)));
    }

    /** 404 without a configured secret, 401 with a wrong one; null when the caller is the operator's mail system. */
    private @Nullable ResponseEntity<ApiErrors> refused(@Nullable String authorization, HttpServletRequest request) {
        String secret = settings.inboundSecret();
        if (secret == null || secret.isBlank()) {
            throw new NotFoundException("There is no inbound mail address: STEWARD_MAIL_INBOUND_SECRET is not set.");
        }
        byte[] expected = ("Bearer " + secret).getBytes(StandardCharsets.UTF_8);
        byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given)
                ? null
                : words.answer(
                        HttpStatus.UNAUTHORIZED,
                        FieldError.of(null, "unauthorized", "error.newsletter.request.unauthorized"),
                        request);
    }
}
