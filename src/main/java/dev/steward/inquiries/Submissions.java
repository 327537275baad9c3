package dev.steward.inquiries;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.Form;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.RetentionRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What the catalog says about a submission: whether it is correspondence, how to show it, where to answer it. */
@Component
class Submissions {

    /** Never shown, even decrypted: a password is kept only as a hash, a card only as a provider's token. */
    private static final Set<DataCategory.FieldType> HIDDEN =
            Set.of(DataCategory.FieldType.PASSWORD, DataCategory.FieldType.CARD_TOKEN);

    private static final String LANGUAGE = LocalizedText.DEFAULT_LANGUAGE;

    private final Catalogs catalogs;

    Submissions(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    boolean isSite(String site) {
        return catalogs.site(site).isPresent();
    }

    /**
     * Whether the activity's data is kept until a case is closed, which is how a catalog says "this is
     * correspondence" (seed 001 §3.3: deleted once the correspondence is terminated).
     */
    boolean isCorrespondence(String site, String activity) {
        if (!isSite(site)) {
            return false;
        }
        Catalog catalog = catalogs.of(site);
        return catalog.activity(activity)
                .map(ProcessingActivity::retention)
                .flatMap(catalog::retentionRule)
                .map(rule -> rule.rule().trigger() == RetentionRule.Trigger.CASE_CLOSED)
                .orElse(false);
    }

    /** The submitted values in the form's order (then any others), labelled as the catalog labels them. */
    List<CaseView.Field> shown(InquiryCase inquiry, Map<String, String> values) {
        Catalog catalog = catalogs.of(inquiry.site());
        Set<String> order = new LinkedHashSet<>(
                catalog.form(inquiry.site(), inquiry.form()).map(Form::fields).orElse(List.of()));
        order.addAll(values.keySet());
        List<CaseView.Field> shown = new ArrayList<>();
        for (String key : order) {
            String value = values.get(key);
            Optional<DataCategory.Field> field = catalog.field(key);
            if (value == null
                    || value.isBlank()
                    || field.map(f -> HIDDEN.contains(f.type())).orElse(false)) {
                continue;
            }
            shown.add(new CaseView.Field(
                    key,
                    field.map(f -> f.label().in(LANGUAGE)).orElse(key),
                    field.map(f -> display(f, value)).orElse(value)));
        }
        return shown;
    }

    /** The first e-mail field the activity collects that the submission filled in. */
    Optional<String> emailAddress(InquiryCase inquiry, Map<String, String> values) {
        Catalog catalog = catalogs.of(inquiry.site());
        return catalog.activity(inquiry.activity()).stream()
                .flatMap(activity -> activity.fields().stream())
                .map(ProcessingActivity.CollectedField::field)
                .filter(key -> catalog.field(key)
                        .map(f -> f.type() == DataCategory.FieldType.EMAIL)
                        .orElse(false))
                .map(values::get)
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
    }

    String siteName(String site) {
        return catalogs.requireSite(site).name().in(LANGUAGE);
    }

    String formTitle(InquiryCase inquiry) {
        return catalogs.of(inquiry.site())
                .form(inquiry.site(), inquiry.form())
                .map(form -> form.title().in(LANGUAGE))
                .orElse(inquiry.form());
    }

    String recipientName(String site, String recipient) {
        return catalogs.of(site)
                .recipient(recipient)
                .map(r -> r.name().in(LANGUAGE))
                .orElse(recipient);
    }

    private static String display(DataCategory.Field field, String value) {
        return field.options().stream()
                .filter(option -> option.value().equals(value))
                .findFirst()
                .map(option -> option.label().in(LANGUAGE) + " (" + value + ")")
                .orElse(value);
    }
}
