package dev.steward.intake;

import dev.steward.accounts.Accounts;
import dev.steward.accounts.Registration;
import dev.steward.catalog.Catalog;
import dev.steward.catalog.DataCategory.Field;
import dev.steward.catalog.DataCategory.FieldType;
import dev.steward.catalog.DataCategory.Option;
import dev.steward.catalog.Form;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.EmailAddresses;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.ClaimedIdentifier;
import dev.steward.vault.Identifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one validation of a form submission, whether it came over HTML or JSON: only what the catalog declares for the
 * form, each field by its type, every required consent box ticked, the age gate of the visitor's jurisdiction, and a
 * registration's login and password. Every problem is named at its field, with a stable code; no message repeats a
 * value. A submission that fails stores nothing.
 */
@Component
class SubmissionRules {

    static final String FIELDS = "fields.";
    static final String CONSENTS = "consents.";

    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{13,19}");
    private static final Pattern CARD_TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,255}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private final Accounts accounts;
    private final AgeGateRules ageGate;
    private final SubmissionErrors words;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    SubmissionRules(Accounts accounts, AgeGateRules ageGate, SubmissionErrors words) {
        this.accounts = accounts;
        this.ageGate = ageGate;
        this.words = words;
    }

    CheckedSubmission check(Catalog catalog, Form form, FormSubmission submission) {
        ProcessingActivity activity = catalog.activity(form.activity()).orElseThrow();
        Jurisdiction jurisdiction =
                catalog.jurisdiction(submission.connection().jurisdiction()).orElseThrow();
        String language = VisitorLanguages.of(catalog.site(submission.site()).orElseThrow());
        List<FieldError> errors = new ArrayList<>();
        undeclared(catalog, form, submission, errors);
        Map<String, String> values = fields(catalog, form, activity, submission, language, errors);
        consents(form, submission, language, errors);
        AgeGateRules.Age age = ageGate.check(form, jurisdiction, submission, language, errors);
        if (age.refusal() != null) {
            throw new InvalidInputException(List.of(age.refusal()));
        }
        CheckedSubmission checked =
                checked(catalog, form, activity, values, age.child() ? submission.parentEmail() : null);
        if (form.createsAccount()) {
            errors.addAll(accounts.check(
                    submission.site(),
                    checked.logins(),
                    checked.passwordField() == null ? FIELDS + "password" : checked.passwordField(),
                    checked.password()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return checked;
    }

    private static void undeclared(Catalog catalog, Form form, FormSubmission submission, List<FieldError> errors) {
        for (String key : submission.fields().keySet()) {
            boolean typed = catalog.field(key)
                    .map(field -> field.type().isTypedByVisitor())
                    .orElse(false);
            if (!form.fields().contains(key) || !typed) {
                errors.add(FieldError.of(
                        FIELDS + shorten(key), "undeclared-field", "error.intake.field.undeclared-field"));
            }
        }
        for (String name : submission.undeclared()) {
            errors.add(FieldError.of(shorten(name), "undeclared-field", "error.intake.field.undeclared-field.2"));
        }
    }

    private Map<String, String> fields(
            Catalog catalog,
            Form form,
            ProcessingActivity activity,
            FormSubmission submission,
            String language,
            List<FieldError> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : form.fields()) {
            Field field = catalog.field(key).orElseThrow();
            if (!field.type().isTypedByVisitor()) {
                continue;
            }
            String value = submission.fields().get(key);
            String label = field.label().in(language);
            if (value == null || value.isBlank()) {
                if (!activity.isVoluntary(key)) {
                    errors.add(words.at(FIELDS + key, "field", "required", label, lowercase(label, language)));
                }
                continue;
            }
            String trimmed = field.type() == FieldType.PASSWORD ? value : value.strip();
            Optional<FieldError> problem = problem(field, trimmed, label, language);
            if (problem.isPresent()) {
                errors.add(problem.get());
            } else {
                values.put(key, trimmed);
            }
        }
        return values;
    }

    /** What is wrong with one typed value, by the field's length and type. */
    private Optional<FieldError> problem(Field field, String value, String label, String language) {
        String name = FIELDS + field.key();
        if (field.maxLength() != null && value.codePointCount(0, value.length()) > field.maxLength()) {
            return Optional.of(words.at(name, "field", "too-long", label, field.maxLength()));
        }
        boolean wellFormed = switch (field.type()) {
            case EMAIL -> EmailAddresses.valid(value);
            case CHOICE -> field.options().stream().map(Option::value).anyMatch(value::equals);
            case DATE -> isDate(value);
            case URL -> isWebAddress(value);
            case CARD_TOKEN ->
                CARD_TOKEN.matcher(value).matches() && !value.chars().allMatch(Character::isDigit);
            case TEXTAREA, PASSWORD -> !CONTROL.matcher(value).find();
            default -> !CONTROL.matcher(value).find() && value.indexOf('\n') < 0;
        };
        if (field.type() == FieldType.CARD_TOKEN
                && CARD_NUMBER.matcher(value.replaceAll("[ -]", "")).matches()) {
            return Optional.of(words.at(name, "field", "card-number", label));
        }
        if (field.type() == FieldType.CHOICE && !wellFormed) {
            return Optional.of(words.at(name, "field", "invalid-option", label));
        }
        if (wellFormed && field.pattern() != null) {
            wellFormed = patterns.computeIfAbsent(field.pattern(), Pattern::compile)
                    .matcher(value)
                    .matches();
        }
        if (!wellFormed) {
            String hint = field.patternMessage() != null
                    ? " " + field.patternMessage().in(language)
                    : "";
            return Optional.of(words.at(name, "field", "invalid-format", label, hint));
        }
        return Optional.empty();
    }

    private void consents(Form form, FormSubmission submission, String language, List<FieldError> errors) {
        for (String purpose : submission.consents()) {
            if (form.consents().stream().noneMatch(box -> box.purpose().equals(purpose))) {
                errors.add(FieldError.of("consents", "undeclared-purpose", "error.intake.consents.undeclared-purpose"));
            }
        }
        for (Form.ConsentBox box : form.consents()) {
            if (box.required() && !submission.consents().contains(box.purpose())) {
                errors.add(words.at(CONSENTS + box.purpose(), "consent", "consent-required"));
            }
        }
    }

    /** Labels start a sentence in English ("Enter your e-mail"); German nouns keep their capital. */
    private static String lowercase(String label, String language) {
        return language.equals("de") ? label : label.toLowerCase(java.util.Locale.ROOT);
    }

    private static CheckedSubmission checked(
            Catalog catalog,
            Form form,
            ProcessingActivity activity,
            Map<String, String> values,
            @Nullable String parentEmail) {
        Map<String, String> recordFields = new LinkedHashMap<>();
        List<ClaimedIdentifier> identifiers = new ArrayList<>();
        List<Registration.Login> logins = new ArrayList<>();
        String password = null;
        String passwordField = null;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Field field = catalog.field(entry.getKey()).orElseThrow();
            if (field.type() == FieldType.PASSWORD) {
                password = entry.getValue();
                passwordField = FIELDS + field.key();
                continue;
            }
            recordFields.put(entry.getKey(), entry.getValue());
            ClaimedIdentifier.of(field, entry.getValue()).ifPresent(claimed -> {
                identifiers.add(claimed);
                if (claimed.identifier().kind() != Identifier.Kind.PHONE) {
                    logins.add(new Registration.Login(FIELDS + field.key(), claimed.identifier()));
                }
            });
        }
        return new CheckedSubmission(
                form,
                activity,
                recordFields,
                identifiers,
                logins,
                password,
                passwordField,
                parentEmail == null ? null : parentEmail.strip());
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A name sent by a visitor is shown back only shortened, so an error cannot carry a long value along. */
    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }
}
