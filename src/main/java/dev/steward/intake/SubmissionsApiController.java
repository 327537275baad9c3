package dev.steward.intake;

import dev.steward.consent.CollectionMethod;
import dev.steward.notice.VisitorRegions;
import dev.steward.platform.ApiErrors;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.RateLimitedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/sites/{site}/forms/{form}/submissions}: a catalog form submitted as JSON, checked exactly like
 * the HTML form. {@code {"fields":{…},"consents":[purpose keys],"age":N}} (or {@code "birthDate"} where the form asks
 * for it, {@code "parentEmail"} for a child whose parent must confirm, {@code "region"} to choose the jurisdiction).
 * Anything else in the body is refused by name, never ignored.
 */
@RestController
class SubmissionsApiController {

    private static final Set<String> KNOWN =
            Set.of("fields", "consents", "age", "birthDate", "parentEmail", "region", Intake.HONEYPOT);

    private final Intake intake;
    private final VisitorRegions jurisdictions;
    private final Clock clock;
    private final ErrorWords words;

    SubmissionsApiController(Intake intake, VisitorRegions jurisdictions, Clock clock, ErrorWords words) {
        this.words = words;
        this.intake = intake;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    record Answer(
            String record, String subject, String status, List<String> receipts, List<String> awaitingConfirmation) {}

    @Operation(
            summary = "Submit a form",
            description =
                    "Validates and takes a submission of a catalog form (fields, consent boxes, age), as its page would. 201 when accepted, 422 with field errors, 429 when sent too often.")
    @ApiResponse(
            responseCode = "429",
            description =
                    "Sent too often from this address, or naming this e-mail address (rate-limited); try again after Retry-After seconds.")
    @PostMapping("/api/v1/sites/{site}/forms/{form}/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    Answer submit(
            @PathVariable String site,
            @PathVariable String form,
            @RequestBody JsonNode body,
            HttpServletRequest request) {
        intake.form(site, form);
        if (!body.isObject()) {
            throw new InvalidInputException(FieldError.of(null, "malformed-json", "error.common.request.invalid"));
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!KNOWN.contains(name)) {
                undeclared.add(name);
            }
        }
        Map<String, String> fields = fields(body.get("fields"), errors);
        Set<String> consents = consents(body.get("consents"), errors);
        String age = age(body, errors);
        String birthDate = text(body, "birthDate", errors);
        String parentEmail = text(body, "parentEmail", errors);
        String region = text(body, "region", errors);
        String honeypot = text(body, Intake.HONEYPOT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        FormSubmission submission = new FormSubmission(
                site,
                form,
                fields,
                consents,
                undeclared,
                age,
                birthDate,
                parentEmail,
                honeypot,
                CollectionMethod.API,
                new FormSubmission.Connection(
                        jurisdictions.resolve(site, region, request),
                        request.getRemoteAddr(),
                        request.getHeader(HttpHeaders.USER_AGENT),
                        clock.instant()));
        Submitted submitted = intake.submit(submission);
        return new Answer(
                submitted.record().toString(),
                submitted.subject().toString(),
                submitted.status().key(),
                submitted.receipts(),
                submitted.awaitingConfirmation());
    }

    @ExceptionHandler
    ResponseEntity<ApiErrors> rateLimited(RateLimitedException e, HttpServletRequest request) {
        return words.tooMany(e.retryAfterSeconds(), e.error(), request);
    }

    private static Map<String, String> fields(@Nullable JsonNode node, List<FieldError> errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return fields;
        }
        if (!node.isObject()) {
            errors.add(FieldError.of("fields", "invalid-format", "error.intake.fields.invalid-format"));
            return fields;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isString()) {
                fields.put(entry.getKey(), value.asString());
            } else if (!value.isNull()) {
                errors.add(FieldError.of(
                        SubmissionRules.FIELDS + entry.getKey(),
                        "invalid-format",
                        "error.intake.field.invalid-format"));
            }
        }
        return fields;
    }

    private static Set<String> consents(@Nullable JsonNode node, List<FieldError> errors) {
        Set<String> consents = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return consents;
        }
        if (!node.isArray()) {
            errors.add(FieldError.of("consents", "invalid-format", "error.intake.consents.invalid-format"));
            return consents;
        }
        for (JsonNode purpose : node) {
            if (purpose.isString()) {
                consents.add(purpose.asString());
            } else {
                errors.add(FieldError.of("consents", "invalid-format", "error.intake.consents.invalid-format"));
            }
        }
        return consents;
    }

    private static @Nullable String text(JsonNode body, String name, List<FieldError> errors) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        errors.add(FieldError.of(name, "invalid-format", "error.intake.field.not-text", name));
        return null;
    }

    /**
     * A number of years, as JSON writes numbers: text ("30") is refused as a wrong type is everywhere else, and in the
     * words the page uses for an age that is not a number of years.
     */
    private static @Nullable String age(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("age");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        errors.add(FieldError.of("age", "invalid-format", "submission.age.invalid-format"));
        return null;
    }
}
