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
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.ClaimedIdentifier;
import dev.steward.vault.Identifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
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

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{13,19}");
    private static final Pattern CARD_TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,255}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final int OLDEST = 150;
    static final String TOO_YOUNG = "too-young";

    private final Accounts accounts;
    private final Clock clock;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    SubmissionRules(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    CheckedSubmission check(Catalog catalog, Form form, FormSubmission submission) {
        ProcessingActivity activity = catalog.activity(form.activity()).orElseThrow();
        Jurisdiction jurisdiction =
                catalog.jurisdiction(submission.connection().jurisdiction()).orElseThrow();
        String language = catalog.site(submission.site()).orElseThrow().language();
        List<FieldError> errors = new ArrayList<>();
        undeclared(catalog, form, submission, errors);
        Map<String, String> values = fields(catalog, form, activity, submission, language, errors);
        consents(form, submission, errors);
        Age age = ageGate(form, jurisdiction, submission, language, errors);
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
                errors.add(new FieldError(
                        FIELDS + shorten(key),
                        "undeclared-field",
                        "This form has no such field; Steward collects only what the privacy notice declares."));
            }
        }
        for (String name : submission.undeclared()) {
            errors.add(new FieldError(
                    shorten(name), "undeclared-field", "This form takes nothing by this name; it was not accepted."));
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
                    errors.add(new FieldError(FIELDS + key, "required", "Enter your " + label.toLowerCase() + "."));
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
            return Optional.of(new FieldError(
                    name, "too-long", label + " must be at most " + field.maxLength() + " characters long."));
        }
        boolean wellFormed = switch (field.type()) {
            case EMAIL -> EMAIL.matcher(value).matches();
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
            return Optional.of(new FieldError(
                    name,
                    "card-number",
                    label + ": enter the payment provider's token, never a card number. Steward does not accept"
                            + " card numbers."));
        }
        if (field.type() == FieldType.CHOICE && !wellFormed) {
            return Optional.of(new FieldError(name, "invalid-option", "Choose one of the options for " + label + "."));
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
            return Optional.of(new FieldError(name, "invalid-format", label + " is not in the expected form." + hint));
        }
        return Optional.empty();
    }

    private static void consents(Form form, FormSubmission submission, List<FieldError> errors) {
        for (String purpose : submission.consents()) {
            if (form.consents().stream().noneMatch(box -> box.purpose().equals(purpose))) {
                errors.add(new FieldError(
                        "consents",
                        "undeclared-purpose",
                        "This form asks for no consent by that name; Steward records consent only to declared"
                                + " purposes."));
            }
        }
        for (Form.ConsentBox box : form.consents()) {
            if (box.required() && !submission.consents().contains(box.purpose())) {
                errors.add(new FieldError(
                        CONSENTS + box.purpose(),
                        "consent-required",
                        "Tick this box to send the form: without this consent we cannot process your data."));
            }
        }
    }

    /**
     * Where the jurisdiction has an age gate the visitor states their age (or birth date). Below it a visitor is
     * refused outright, or must name a parent who will be asked to confirm; the refusal is answered alone, since
     * nothing else about the submission matters then.
     */
    private Age ageGate(
            Form form, Jurisdiction jurisdiction, FormSubmission submission, String language, List<FieldError> errors) {
        Jurisdiction.AgeGate gate = jurisdiction.ageGate();
        if (gate == null) {
            refuseUnasked("age", submission.age(), errors);
            refuseUnasked("birthDate", submission.birthDate(), errors);
            return Age.ADULT;
        }
        Optional<Integer> years;
        if (form.asksBirthDate()) {
            refuseUnasked("age", submission.age(), errors);
            years = ageFromBirthDate(submission, errors);
        } else {
            refuseUnasked("birthDate", submission.birthDate(), errors);
            years = statedAge(submission, errors);
        }
        if (years.isEmpty() || years.get() >= gate.minimumAge()) {
            return Age.ADULT;
        }
        if (gate.belowAge() == Jurisdiction.ChildPolicy.REFUSE) {
            return new Age(
                    false,
                    new FieldError(form.asksBirthDate() ? "birthDate" : "age", TOO_YOUNG, refusal(gate, language)));
        }
        parentEmail(gate, submission, errors);
        return new Age(true, null);
    }

    /** Why a visitor below a refusing gate is refused: the catalog's notice, or the age it needs. */
    static String refusal(Jurisdiction.AgeGate gate, String language) {
        return gate.notice() != null
                ? gate.notice().in(language)
                : "You must be at least " + gate.minimumAge() + " years old to send this form.";
    }

    /** Whether the visitor is a child whose parent must confirm, or one who is refused, and why. */
    private record Age(boolean child, @Nullable FieldError refusal) {
        static final Age ADULT = new Age(false, null);
    }

    private static void parentEmail(Jurisdiction.AgeGate gate, FormSubmission submission, List<FieldError> errors) {
        String parent = submission.parentEmail();
        if (parent == null || parent.isBlank()) {
            errors.add(new FieldError(
                    "parentEmail",
                    "parent-email-required",
                    "You are under " + gate.minimumAge() + ": enter the e-mail address of a parent or guardian. We"
                            + " will ask them to confirm before we use your data."));
        } else if (!EMAIL.matcher(parent.strip()).matches()) {
            errors.add(new FieldError("parentEmail", "invalid-format", "Enter your parent's e-mail address."));
        } else if (submission.fields().values().stream()
                .anyMatch(value -> value.strip().equalsIgnoreCase(parent.strip()))) {
            errors.add(new FieldError(
                    "parentEmail",
                    "parent-email-same",
                    "Enter the e-mail address of your parent or guardian, not your own."));
        }
    }

    private static Optional<Integer> statedAge(FormSubmission submission, List<FieldError> errors) {
        String age = submission.age();
        if (age == null || age.isBlank()) {
            errors.add(new FieldError("age", "required", "Enter your age in years."));
            return Optional.empty();
        }
        try {
            int years = Integer.parseInt(age.strip());
            if (years >= 0 && years <= OLDEST) {
                return Optional.of(years);
            }
        } catch (NumberFormatException e) {
            // answered below like any other age that is not a number of years
        }
        errors.add(new FieldError("age", "invalid-format", "Enter your age as a whole number of years."));
        return Optional.empty();
    }

    private Optional<Integer> ageFromBirthDate(FormSubmission submission, List<FieldError> errors) {
        String birthDate = submission.birthDate();
        if (birthDate == null || birthDate.isBlank()) {
            errors.add(new FieldError("birthDate", "required", "Enter your date of birth."));
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            LocalDate born = LocalDate.parse(birthDate.strip());
            int years = Period.between(born, today).getYears();
            if (!born.isAfter(today) && years <= OLDEST) {
                return Optional.of(years);
            }
        } catch (DateTimeParseException e) {
            // answered below like any other date that cannot be a birth date
        }
        errors.add(new FieldError("birthDate", "invalid-format", "Enter your date of birth as YYYY-MM-DD."));
        return Optional.empty();
    }

    private static void refuseUnasked(String name, @Nullable String value, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(name, "undeclared-field", "This form does not ask for this here."));
        }
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
