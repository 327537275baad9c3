package dev.steward.catalog.internal;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.DataCategory.Field;
import dev.steward.catalog.DataCategory.FieldType;
import dev.steward.catalog.Form;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import java.util.List;
import java.util.Optional;

/**
 * Checks the catalog's forms: each collects for a declared activity, asks consent where the activity rests on it,
 * keeps connection data only as declared, and routes only to recipients its activity names.
 */
final class FormValidator {

    private final Catalog catalog;
    private final CatalogChecks checks;

    FormValidator(Catalog catalog, CatalogChecks checks) {
        this.catalog = catalog;
        this.checks = checks;
    }

    void validate() {
        CatalogChecks.keyed(catalog.content().forms(), Form::key).forEach(this::checkForm);
    }

    private void checkForm(Form form) {
        String name = "form '" + form.key() + "'";
        checks.checkSiteReference(form, form.site(), "form");
        if (form.activity() == null) {
            return;
        }
        Optional<ProcessingActivity> found = catalog.activity(form.activity());
        if (found.isEmpty()) {
            checks.report(form, "activity", name + " names unknown activity '" + form.activity() + "'");
            return;
        }
        ProcessingActivity activity = found.get();
        for (int i = 0; i < form.fields().size(); i++) {
            String field = form.fields().get(i);
            if (catalog.field(field).isEmpty()) {
                checks.report(form, "fields[" + i + "]", name + " names undeclared field '" + field + "'");
            } else if (!activity.collects(field)) {
                checks.report(
                        form,
                        "fields[" + i + "]",
                        name + " names field '" + field + "', which activity '" + activity.key()
                                + "' does not collect");
            }
        }
        for (ProcessingActivity.CollectedField collected : activity.fields()) {
            boolean typed = collected.field() != null
                    && catalog.field(collected.field())
                            .map(f -> f.type() != null && f.type().isTypedByVisitor())
                            .orElse(false);
            if (typed && !collected.voluntary() && !form.fields().contains(collected.field())) {
                checks.report(
                        form,
                        "fields",
                        name + " omits field '" + collected.field() + "', which activity '" + activity.key()
                                + "' requires");
            }
        }
        checkConsentBoxes(form, activity);
        if (form.routing() != null) {
            checkRouting(form, activity);
        }
        if (form.connectionData() != null) {
            checkConnectionData(form);
        }
        if (form.createsAccount()) {
            checkRegistration(form, activity);
        }
        if (form.unlocksDownloads() && !form.createsAccount()) {
            checks.report(
                    form,
                    "unlocksDownloads",
                    name + " unlocks downloads but creates no account: add 'createsAccount: true'");
        }
        if (!form.downloads().isEmpty() && !form.unlocksDownloads()) {
            checks.report(
                    form,
                    "downloads",
                    name + " lists downloads but does not unlock them: add 'unlocksDownloads: true'");
        }
        form.downloads().forEach(download -> checks.checkUrl(download, "href", download.href(), true));
    }

    /**
     * A form that creates accounts needs a required password and a required identifying e-mail address: the account
     * can be used only once a link sent to that address proves it belongs to whoever registered.
     */
    private void checkRegistration(Form form, ProcessingActivity activity) {
        List<Field> required = form.fields().stream()
                .filter(key -> !activity.isVoluntary(key))
                .map(catalog::field)
                .flatMap(Optional::stream)
                .toList();
        boolean email = required.stream().anyMatch(field -> field.identifier() && field.type() == FieldType.EMAIL);
        boolean password = required.stream().anyMatch(field -> field.type() == FieldType.PASSWORD);
        if (!email || !password) {
            checks.report(
                    form,
                    "createsAccount",
                    "form '" + form.key() + "' creates accounts but lacks a required "
                            + (email
                                    ? "password field"
                                    : "identifying e-mail field (the account is verified by a link sent to it)"));
        }
    }

    /**
     * Connection data is kept under an activity of its own (its purpose, legal basis and short retention), which may
     * hold nothing but what a submission's connection carries.
     */
    private void checkConnectionData(Form form) {
        String name = "form '" + form.key() + "'";
        Optional<ProcessingActivity> found = catalog.activity(form.connectionData());
        if (found.isEmpty()) {
            checks.report(
                    form,
                    "connectionData",
                    name + " keeps connection data under unknown activity '" + form.connectionData() + "'");
            return;
        }
        for (ProcessingActivity.CollectedField collected : found.get().fields()) {
            boolean technical = catalog.field(collected.field())
                    .map(field -> field.type() == FieldType.TECHNICAL)
                    .orElse(false);
            if (!technical || !Form.CONNECTION_FIELDS.contains(collected.field())) {
                checks.report(
                        form,
                        "connectionData",
                        name + " keeps connection data under activity '"
                                + found.get().key()
                                + "', which collects field '" + collected.field()
                                + "'; a connection-data activity collects only the technical fields "
                                + String.join(
                                        ", ",
                                        Form.CONNECTION_FIELDS.stream().sorted().toList()));
                return;
            }
        }
    }

    private void checkConsentBoxes(Form form, ProcessingActivity activity) {
        for (int i = 0; i < form.consents().size(); i++) {
            String purpose = form.consents().get(i).purpose();
            if (purpose != null && catalog.purpose(purpose).isEmpty()) {
                checks.report(
                        form,
                        "consents[" + i + "]",
                        "form '" + form.key() + "' asks consent for unknown purpose '" + purpose + "'");
            }
        }
        for (Purpose purpose : catalog.purposesOf(activity)) {
            boolean needsConsent = purpose.legalBasis().keySet().stream().anyMatch(purpose::needsConsentIn);
            List<Form.ConsentBox> boxes = form.consents().stream()
                    .filter(box -> purpose.key().equals(box.purpose()))
                    .toList();
            if (needsConsent && boxes.stream().noneMatch(Form.ConsentBox::required)) {
                String why = ": activity '" + activity.key() + "' rests on consent for it";
                if (boxes.isEmpty()) {
                    checks.report(
                            form,
                            "consents",
                            "form '" + form.key() + "' must ask consent to purpose '" + purpose.key()
                                    + "' with a required box" + why);
                } else {
                    checks.report(
                            boxes.get(0),
                            "required",
                            "form '" + form.key() + "' must make its consent box for purpose '" + purpose.key()
                                    + "' required" + why);
                }
            }
        }
    }

    private void checkRouting(Form form, ProcessingActivity activity) {
        Form.Routing routing = form.routing();
        if (routing.field() != null && !form.fields().contains(routing.field())) {
            checks.report(
                    form,
                    "routing.field",
                    "form '" + form.key() + "' routes by field '" + routing.field()
                            + "', which the form does not show");
        }
        routing.recipients()
                .forEach((value, recipient) ->
                        checkRoutedRecipient(form, activity, "routing.recipients." + value, recipient));
        if (routing.otherwise() != null) {
            checkRoutedRecipient(form, activity, "routing.otherwise", routing.otherwise());
        }
    }

    private void checkRoutedRecipient(Form form, ProcessingActivity activity, String path, String recipient) {
        if (catalog.recipient(recipient).isEmpty()) {
            checks.report(form, path, "form '" + form.key() + "' routes to unknown recipient '" + recipient + "'");
        } else if (!activity.recipients().contains(recipient)) {
            checks.report(
                    form,
                    path,
                    "form '" + form.key() + "' routes to recipient '" + recipient + "', which activity '"
                            + activity.key() + "' does not list among its recipients");
        }
    }
}
