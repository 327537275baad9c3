package dev.steward.mail;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Purpose;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** What a message must be to be queued; everything wrong is reported at once and nothing is stored. */
@Component
class MailRules {

    static final int MAX_ADDRESS = 254;
    static final int MAX_SUBJECT_LINE = 300;
    static final int MAX_BODY = 1_000_000;

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Catalogs catalogs;
    private final Vault vault;

    MailRules(Catalogs catalogs, Vault vault) {
        this.catalogs = catalogs;
        this.vault = vault;
    }

    void check(OutgoingMail mail) {
        List<FieldError> errors = new ArrayList<>();
        checkAddressee(mail, errors);
        checkContent(mail, errors);
        checkPurpose(mail, errors);
        if (mail.category() != null && !CATEGORY.matcher(mail.category()).matches()) {
            errors.add(new FieldError(
                    "category", "invalid", "A category is a key of lower-case letters, digits and hyphens."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void checkAddressee(OutgoingMail mail, List<FieldError> errors) {
        if (mail.subject() == null || !vault.exists(mail.subject())) {
            errors.add(new FieldError(
                    "subject",
                    "unknown-subject",
                    "Steward holds nothing about this subject: never collected, or erased."));
        }
        if (mail.to() == null
                || mail.to().length() > MAX_ADDRESS
                || !ADDRESS.matcher(mail.to()).matches()) {
            errors.add(new FieldError("to", "invalid-address", "The recipient is not an e-mail address."));
        }
    }

    private static void checkContent(OutgoingMail mail, List<FieldError> errors) {
        if (mail.kind() == null) {
            errors.add(
                    new FieldError("kind", "required", "Say whether this is service, operational or marketing mail."));
        }
        if (mail.subjectLine() == null || mail.subjectLine().isBlank()) {
            errors.add(new FieldError("subjectLine", "required", "A message needs a subject line."));
        } else if (mail.subjectLine().length() > MAX_SUBJECT_LINE) {
            errors.add(new FieldError(
                    "subjectLine", "too-long", "The subject line has more than " + MAX_SUBJECT_LINE + " characters."));
        } else if (LINE_BREAK.matcher(mail.subjectLine()).find()) {
            errors.add(new FieldError("subjectLine", "line-break", "The subject line must be a single line."));
        }
        if (mail.text() == null || mail.text().isBlank()) {
            errors.add(new FieldError("text", "required", "A message needs a plain-text body."));
        } else if (mail.text().length() > MAX_BODY) {
            errors.add(new FieldError("text", "too-long", "The body has more than " + MAX_BODY + " characters."));
        }
        if (mail.html() != null && mail.html().length() > MAX_BODY) {
            errors.add(new FieldError("html", "too-long", "The HTML body has more than " + MAX_BODY + " characters."));
        }
    }

    /**
     * Marketing names the direct-marketing purpose whose consent it needs; and a message for such a purpose is
     * marketing whatever kind it claims, so that calling an offer "service" cannot bypass the consent.
     */
    private void checkPurpose(OutgoingMail mail, List<FieldError> errors) {
        if (mail.site() == null || catalogs.site(mail.site()).isEmpty()) {
            errors.add(new FieldError("site", "unknown-site", "There is no site '" + mail.site() + "'."));
            return;
        }
        if (mail.purpose() == null) {
            if (mail.kind() == MailKind.MARKETING) {
                errors.add(new FieldError(
                        "purpose", "required", "Marketing mail names the direct-marketing purpose it is sent for."));
            }
            return;
        }
        Optional<Purpose> purpose = declaredPurpose(catalogs.of(mail.site()), mail.site(), mail.purpose());
        if (purpose.isEmpty()) {
            errors.add(new FieldError(
                    "purpose",
                    "undeclared-purpose",
                    "Site '" + mail.site() + "' declares no purpose '" + mail.purpose() + "'."));
        } else if (mail.kind() == MailKind.MARKETING && !purpose.get().directMarketing()) {
            errors.add(new FieldError(
                    "purpose",
                    "not-direct-marketing",
                    "Purpose '" + mail.purpose() + "' is not direct marketing; send this mail as service or"
                            + " operational."));
        } else if (mail.kind() != MailKind.MARKETING && purpose.get().directMarketing()) {
            errors.add(new FieldError(
                    "kind",
                    "marketing-purpose",
                    "Purpose '" + mail.purpose() + "' is direct marketing: such mail is of kind marketing and needs"
                            + " the person's consent."));
        }
    }

    private static Optional<Purpose> declaredPurpose(Catalog catalog, String site, String key) {
        return catalog.purpose(key)
                .filter(purpose -> catalog.activitiesOf(site).stream()
                        .anyMatch(activity -> activity.purposes().contains(purpose.key())));
    }
}
