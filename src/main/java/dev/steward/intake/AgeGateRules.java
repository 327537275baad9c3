package dev.steward.intake;

import dev.steward.catalog.Form;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LocalizedText;
import dev.steward.platform.EmailAddresses;
import dev.steward.platform.FieldError;
import dev.steward.platform.Phrase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where the jurisdiction has an age gate the visitor states their age (or birth date). Below it a visitor is refused
 * outright, or must name a parent who will be asked to confirm; the refusal is answered alone, since nothing else about
 * the submission matters then. Where there is no gate, an age is not asked and not taken.
 */
@Component
class AgeGateRules {

    static final String TOO_YOUNG = "too-young";
    private static final int OLDEST = 150;

    private final SubmissionErrors words;
    private final Clock clock;

    AgeGateRules(SubmissionErrors words, Clock clock) {
        this.words = words;
        this.clock = clock;
    }

    /** Whether the visitor is a child whose parent must confirm, or one who is refused, and why. */
    record Age(boolean child, @Nullable FieldError refusal) {
        static final Age ADULT = new Age(false, null);
    }

    Age check(
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
                    new FieldError(
                            form.asksBirthDate() ? "birthDate" : "age", TOO_YOUNG, refusalPhrase(gate, language)));
        }
        parentEmail(gate, submission, errors);
        return new Age(true, null);
    }

    /** Why a visitor below a refusing gate is refused, to be worded where it is shown. */
    private static Phrase refusalPhrase(Jurisdiction.AgeGate gate, String language) {
        return gate.notice() != null
                ? Phrase.of("error.catalog-text", gate.notice().in(language))
                : Phrase.of("submission.age.too-young", gate.minimumAge());
    }

    /**
     * Why a visitor below a refusing gate is refused: the catalog's notice (marked with its language where it has no
     * translation), or the age it needs in Steward's own words.
     */
    LocalizedText.Shown refusal(Jurisdiction.AgeGate gate, String language) {
        return gate.notice() != null
                ? gate.notice().shownIn(language)
                : new LocalizedText.Shown(words.words("age.too-young", language, gate.minimumAge()), null);
    }

    private void parentEmail(Jurisdiction.AgeGate gate, FormSubmission submission, List<FieldError> errors) {
        String parent = submission.parentEmail();
        if (parent == null || parent.isBlank()) {
            errors.add(words.at("parentEmail", "parentEmail", "parent-email-required", gate.minimumAge()));
        } else if (!EmailAddresses.valid(parent.strip())) {
            errors.add(words.at("parentEmail", "parentEmail", "invalid-format"));
        } else if (submission.fields().values().stream()
                .anyMatch(value -> value.strip().equalsIgnoreCase(parent.strip()))) {
            errors.add(words.at("parentEmail", "parentEmail", "parent-email-same"));
        }
    }

    private Optional<Integer> statedAge(FormSubmission submission, List<FieldError> errors) {
        String age = submission.age();
        if (age == null || age.isBlank()) {
            errors.add(words.at("age", "age", "required"));
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
        errors.add(words.at("age", "age", "invalid-format"));
        return Optional.empty();
    }

    private Optional<Integer> ageFromBirthDate(FormSubmission submission, List<FieldError> errors) {
        String birthDate = submission.birthDate();
        if (birthDate == null || birthDate.isBlank()) {
            errors.add(words.at("birthDate", "birthDate", "required"));
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
        errors.add(words.at("birthDate", "birthDate", "invalid-format"));
        return Optional.empty();
    }

    private void refuseUnasked(String name, @Nullable String value, List<FieldError> errors) {
        if (value != null) {
            errors.add(words.at(name, "unasked", "undeclared-field"));
        }
    }
}
