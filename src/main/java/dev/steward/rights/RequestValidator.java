package dev.steward.rights;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.RightType;
import dev.steward.catalog.Site;
import dev.steward.platform.EmailAddresses;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a request against what the catalog grants in the requester's jurisdiction: the right must be offered, the
 * grounds must be the law's, the purposes and fields must be declared. Every problem is reported, tied to its field.
 */
@Component
class RequestValidator {

    private static final int MAX_TEXT = 2000;

    private final TransferTargets targets;

    RequestValidator(TransferTargets targets) {
        this.targets = targets;
    }

    /** The valid request, or an {@link InvalidInputException} listing every problem. */
    Valid check(Catalog catalog, Site site, Jurisdiction jurisdiction, NewRequest request) {
        List<FieldError> errors = new ArrayList<>();
        RightType type = type(request.type(), jurisdiction, errors);
        if (request.email() == null || !EmailAddresses.valid(request.email().strip())) {
            errors.add(FieldError.of("email", "invalid-format", "error.rights.email.invalid-format"));
        }
        if (request.message() != null && request.message().length() > MAX_TEXT) {
            errors.add(FieldError.of("message", "too-long", "error.rights.message.too-long", MAX_TEXT));
        }
        if (type != null) {
            checkFor(type, catalog, site, jurisdiction, request, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(
                type,
                new RequestDetails(
                        request.email().strip(),
                        list(request.grounds()),
                        list(request.purposes()),
                        request.changes() == null ? Map.of() : request.changes(),
                        blankToNull(request.statement()),
                        blankToNull(request.transferTo()),
                        blankToNull(request.message())));
    }

    record Valid(RightType type, RequestDetails details) {}

    private static @Nullable RightType type(@Nullable String type, Jurisdiction jurisdiction, List<FieldError> errors) {
        RightType parsed = null;
        try {
            parsed = type == null
                    ? null
                    : RightType.valueOf(type.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || !jurisdiction.grants(parsed)) {
            errors.add(FieldError.of(
                    "type",
                    "right-not-offered",
                    "error.rights.type.right-not-offered",
                    jurisdiction.key(),
                    jurisdiction.rights().stream().map(r -> key(r.type())).toList()));
            return null;
        }
        if (parsed == RightType.AUTOMATED_DECISIONS || parsed == RightType.COMPLAINT) {
            errors.add(FieldError.of("type", "answered-directly", "error.rights.type.answered-directly"));
            return null;
        }
        return parsed;
    }

    private void checkFor(
            RightType type,
            Catalog catalog,
            Site site,
            Jurisdiction jurisdiction,
            NewRequest request,
            List<FieldError> errors) {
        switch (type) {
            case ERASURE, RESTRICTION -> checkGrounds(jurisdiction, type, list(request.grounds()), errors);
            case WITHDRAW_CONSENT -> checkPurposes(catalog, site, jurisdiction, list(request.purposes()), true, errors);
            case OBJECTION -> checkPurposes(catalog, site, jurisdiction, list(request.purposes()), false, errors);
            case RECTIFICATION, AMENDMENT -> checkChanges(catalog, site, request, errors);
            case PORTABILITY -> targets.check(request.transferTo()).ifPresent(errors::add);
            default -> {}
        }
    }

    private static void checkGrounds(
            Jurisdiction jurisdiction, RightType type, List<String> grounds, List<FieldError> errors) {
        List<String> allowed = jurisdiction.rights().stream()
                .filter(right -> right.type() == type)
                .flatMap(right -> right.grounds().stream())
                .map(Jurisdiction.Ground::key)
                .toList();
        if (!allowed.isEmpty() && grounds.isEmpty()) {
            errors.add(FieldError.of("grounds", "required", "error.rights.grounds.required"));
        }
        grounds.stream()
                .filter(ground -> !allowed.contains(ground))
                .findAny()
                .ifPresent(ground -> errors.add(
                        FieldError.of("grounds", "invalid-option", "error.rights.grounds.invalid-option", allowed)));
    }

    private static void checkPurposes(
            Catalog catalog,
            Site site,
            Jurisdiction jurisdiction,
            List<String> purposes,
            boolean consent,
            List<FieldError> errors) {
        List<String> allowed = purposesFor(catalog, site, jurisdiction, consent).stream()
                .map(Purpose::key)
                .toList();
        if (!allowed.containsAll(purposes)) {
            errors.add(FieldError.of(
                    "purposes",
                    "invalid-option",
                    consent ? "error.rights.purposes.not-consented" : "error.rights.purposes.not-objectable"));
        }
    }

    /**
     * The site's purposes a withdrawal can concern (those resting on consent in the jurisdiction) or an objection (those
     * resting on legitimate interest, or direct marketing).
     */
    static List<Purpose> purposesFor(Catalog catalog, Site site, Jurisdiction jurisdiction, boolean consent) {
        return catalog.activitiesOf(site.key()).stream()
                .flatMap(activity -> catalog.purposesOf(activity).stream())
                .distinct()
                .filter(purpose -> {
                    List<LegalBasis> bases = purpose.basesIn(jurisdiction.key());
                    return consent
                            ? bases.stream().anyMatch(LegalBasis::isConsent)
                            : purpose.directMarketing() || bases.contains(LegalBasis.GDPR_6_1_F);
                })
                .toList();
    }

    private static void checkChanges(Catalog catalog, Site site, NewRequest request, List<FieldError> errors) {
        Map<String, String> changes = request.changes() == null ? Map.of() : request.changes();
        if (changes.isEmpty() && blankToNull(request.statement()) == null) {
            errors.add(FieldError.of("changes", "required", "error.rights.changes.required"));
        }
        if (request.statement() != null && request.statement().length() > MAX_TEXT) {
            errors.add(FieldError.of("statement", "too-long", "error.rights.statement.too-long", MAX_TEXT));
        }
        changes.forEach((field, value) -> {
            DataCategory.Field declared = catalog.field(field)
                    .filter(f -> catalog.activitiesOf(site.key()).stream().anyMatch(a -> a.collects(f.key())))
                    .orElse(null);
            if (declared == null || !correctable(declared)) {
                // the key is the requester's own text, so it is neither echoed nor made a field name
                errors.add(FieldError.of("changes", "undeclared-field", "error.rights.changes.undeclared-field"));
            } else if (declared.maxLength() != null && value != null && value.length() > declared.maxLength()) {
                errors.add(FieldError.of(
                        "changes." + field,
                        "too-long",
                        "error.rights.field.too-long",
                        declared.label().in(site.language()),
                        declared.maxLength()));
            }
        });
    }

    private static boolean correctable(DataCategory.Field field) {
        return field.type().isTypedByVisitor()
                && field.type() != DataCategory.FieldType.PASSWORD
                && field.type() != DataCategory.FieldType.CARD_TOKEN;
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String key(RightType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
