package dev.steward.intake;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory.Field;
import dev.steward.catalog.DataCategory.FieldType;
import dev.steward.catalog.Form;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.ShownError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds a form's page from the catalog, blank or, after a refusal, with the visitor's input and the errors. */
@Component
class FormPages {

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final AgeGateRules ageGateRules;

    private final ErrorWords errorWords;

    FormPages(Catalogs catalogs, PublishedNotices notices, AgeGateRules ageGateRules, ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.catalogs = catalogs;
        this.notices = notices;
        this.ageGateRules = ageGateRules;
    }

    /** What the visitor sent, to show again after a refusal. */
    record Input(Map<String, String> fields, Set<String> consents, String age, String parentEmail) {

        static final Input BLANK = new Input(Map.of(), Set.of(), "", "");

        @Override
        public String toString() {
            return "Input[fields=" + fields.keySet() + ", consents=" + consents + "]";
        }
    }

    FormPage page(
            String site, Form form, String jurisdiction, boolean regionChosen, Input input, List<FieldError> errors) {
        Catalog catalog = catalogs.of(site);
        Site declared = catalog.site(site).orElseThrow();
        String language = VisitorLanguages.of(declared);
        ProcessingActivity activity = catalog.activity(form.activity()).orElseThrow();
        List<ShownError> shown = errorWords.shown(errors);
        Map<String, String> errorOf = new LinkedHashMap<>();
        shown.forEach(error -> errorOf.putIfAbsent(error.field() == null ? "" : error.field(), error.message()));
        String version = notices.inForce(site).version();
        String base = "/s/" + site + "/forms/" + form.key();
        Jurisdiction current = catalog.jurisdiction(jurisdiction).orElseThrow();
        return new FormPage(
                site,
                declared.name().in(language),
                form.key(),
                form.title().shownIn(language),
                text(form.introduction(), language),
                form.fields().stream()
                        .map(key -> catalog.field(key).orElseThrow())
                        .filter(field -> field.type().isTypedByVisitor())
                        .map(field -> field(field, activity, input, errorOf, language))
                        .toList(),
                form.consents().stream()
                        .map(box -> box(catalog, site, activity, box, input, errorOf, language))
                        .toList(),
                activity.consent() == null
                        ? null
                        : activity.consent().withdrawal().shownIn(language),
                version,
                "/s/" + site + "/privacy/v/" + version + "?region=" + jurisdiction,
                jurisdiction,
                current.name().shownIn(language),
                catalog.jurisdictionsOf(declared).stream()
                        .map(other -> new FormPage.RegionLink(
                                other.key(),
                                other.name().shownIn(language),
                                base + "?region=" + other.key(),
                                other.key().equals(jurisdiction)))
                        .toList(),
                age(form, current, input, errorOf, language),
                text(form.submitLabel(), language),
                regionChosen ? base + "?region=" + jurisdiction : base,
                shown,
                errorOf);
    }

    private static FormPage.FieldView field(
            Field field, ProcessingActivity activity, Input input, Map<String, String> errorOf, String language) {
        String name = SubmissionRules.FIELDS + field.key();
        String id = idOf(name);
        String error = errorOf.get(name);
        LocalizedText.Shown help = text(field.help(), language);
        String value = field.type() == FieldType.PASSWORD ? "" : input.fields().getOrDefault(field.key(), "");
        return new FormPage.FieldView(
                field.key(),
                name,
                id,
                field.label().shownIn(language),
                control(field.type()),
                activity.isVoluntary(field.key()),
                help,
                field.maxLength(),
                field.options().stream()
                        .map(option -> new FormPage.OptionView(
                                option.value(),
                                option.label().shownIn(language),
                                option.value().equals(value)))
                        .toList(),
                value,
                error,
                autocomplete(field.type()),
                describedBy(help == null ? null : id + "-hint", error == null ? null : id + "-error"));
    }

    /**
     * A consent box, unticked until the visitor ticks it, with how to withdraw where the purpose belongs to another
     * activity than the form's (the form's own withdrawal text stands above the boxes).
     */
    private static FormPage.BoxView box(
            Catalog catalog,
            String site,
            ProcessingActivity formActivity,
            Form.ConsentBox box,
            Input input,
            Map<String, String> errorOf,
            String language) {
        String name = SubmissionRules.CONSENTS + box.purpose();
        String id = idOf(name);
        String error = errorOf.get(name);
        LocalizedText.Shown withdrawal = formActivity.purposes().contains(box.purpose())
                ? null
                : catalog.activitiesOf(site).stream()
                        .filter(activity -> activity.purposes().contains(box.purpose()) && activity.consent() != null)
                        .map(activity -> activity.consent().withdrawal().shownIn(language))
                        .findFirst()
                        .orElse(null);
        return new FormPage.BoxView(
                box.purpose(),
                id,
                box.text().shownIn(language),
                box.required(),
                input.consents().contains(box.purpose()),
                withdrawal,
                error,
                describedBy(withdrawal == null ? null : id + "-hint", error == null ? null : id + "-error"));
    }

    private static FormPage.@Nullable AgeView age(
            Form form, Jurisdiction jurisdiction, Input input, Map<String, String> errorOf, String language) {
        Jurisdiction.AgeGate gate = jurisdiction.ageGate();
        if (gate == null) {
            return null;
        }
        boolean parental = gate.belowAge() == Jurisdiction.ChildPolicy.PARENTAL_CONSENT;
        return new FormPage.AgeView(
                gate.minimumAge(),
                parental,
                form.asksBirthDate(),
                parental ? parentalHint(gate, language) : null,
                input.age(),
                input.parentEmail(),
                Optional.ofNullable(errorOf.get("age")).orElse(errorOf.get("birthDate")),
                errorOf.get("parentEmail"));
    }

    /**
     * Where a parent confirms for a child nobody is turned away, so the form tells children up front to involve their
     * parent, in the catalog's words (none: the page says why it asks in its own).
     */
    private static LocalizedText.@Nullable Shown parentalHint(Jurisdiction.AgeGate gate, String language) {
        return gate.notice() != null ? gate.notice().shownIn(language) : null;
    }

    /** What the refusal page of a site's refusing gate says, after the visitor answered. */
    LocalizedText.Shown ageRefusal(String site, String jurisdiction) {
        Catalog catalog = catalogs.of(site);
        String language = VisitorLanguages.of(catalog.site(site).orElseThrow());
        return catalog.jurisdiction(jurisdiction)
                .map(Jurisdiction::ageGate)
                .map(gate -> ageGateRules.refusal(gate, language))
                .orElseThrow();
    }

    static String idOf(String name) {
        return name.replace('.', '-');
    }

    private static @Nullable String describedBy(@Nullable String hint, @Nullable String error) {
        if (hint == null && error == null) {
            return null;
        }
        return hint == null ? error : error == null ? hint : hint + " " + error;
    }

    private static String control(FieldType type) {
        return switch (type) {
            case TEXTAREA -> "textarea";
            case CHOICE -> "select";
            case EMAIL -> "email";
            case PHONE -> "tel";
            case DATE -> "date";
            case PASSWORD -> "password";
            case URL -> "url";
            default -> "text";
        };
    }

    private static @Nullable String autocomplete(FieldType type) {
        return switch (type) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            case POSTAL_CODE -> "postal-code";
            case USERNAME -> "username";
            case PASSWORD -> "new-password";
            case CARD_TOKEN -> "off";
            default -> null;
        };
    }

    private static LocalizedText.@Nullable Shown text(@Nullable LocalizedText text, String language) {
        return text == null ? null : text.shownIn(language);
    }
}
