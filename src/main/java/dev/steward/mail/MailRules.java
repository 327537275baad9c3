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
            errors.add(FieldError.of("category", "invalid", "error.mail.category.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void checkAddressee(OutgoingMail mail, List<FieldError> errors) {
        if (mail.subject() == null || !vault.exists(mail.subject())) {
            errors.add(FieldError.of("subject", "unknown-subject", "error.common.subject.unknown-subject"));
        }
        if (mail.to() == null
                || mail.to().length() > MAX_ADDRESS
                || !ADDRESS.matcher(mail.to()).matches()) {
            errors.add(FieldError.of("to", "invalid-address", "error.mail.to.invalid-address"));
        }
    }

    private static void checkContent(OutgoingMail mail, List<FieldError> errors) {
        if (mail.kind() == null) {
            errors.add(FieldError.of("kind", "required", "error.mail.kind.required"));
        }
        if (mail.subjectLine() == null || mail.subjectLine().isBlank()) {
            errors.add(FieldError.of("subjectLine", "required", "error.mail.subjectLine.required"));
        } else if (mail.subjectLine().length() > MAX_SUBJECT_LINE) {
            errors.add(FieldError.of("subjectLine", "too-long", "error.common.subjectLine.too-long", MAX_SUBJECT_LINE));
        } else if (LINE_BREAK.matcher(mail.subjectLine()).find()) {
            errors.add(FieldError.of("subjectLine", "line-break", "error.common.subjectLine.line-break"));
        }
        if (mail.text() == null || mail.text().isBlank()) {
            errors.add(FieldError.of("text", "required", "error.mail.text.required"));
        } else if (mail.text().length() > MAX_BODY) {
            errors.add(FieldError.of("text", "too-long", "error.common.text.too-long", MAX_BODY));
        }
        if (mail.html() != null && mail.html().length() > MAX_BODY) {
            errors.add(FieldError.of("html", "too-long", "error.mail.html.too-long", MAX_BODY));
        }
    }

    /**
     * Marketing names the direct-marketing purpose whose consent it needs; and a message for such a purpose is
     * marketing whatever kind it claims, so that calling an offer "service" cannot bypass the consent.
     */
    private void checkPurpose(OutgoingMail mail, List<FieldError> errors) {
        if (mail.site() == null || catalogs.site(mail.site()).isEmpty()) {
            errors.add(FieldError.of("site", "unknown-site", "error.common.site.unknown", mail.site()));
            return;
        }
        if (mail.purpose() == null) {
            if (mail.kind() == MailKind.MARKETING) {
                errors.add(FieldError.of("purpose", "required", "error.mail.purpose.required"));
            }
            return;
        }
        Optional<Purpose> purpose = declaredPurpose(catalogs.of(mail.site()), mail.site(), mail.purpose());
        if (purpose.isEmpty()) {
            errors.add(FieldError.of(
                    "purpose",
                    "undeclared-purpose",
                    "error.common.purpose.undeclared-purpose",
                    mail.site(),
                    mail.purpose()));
        } else if (mail.kind() == MailKind.MARKETING && !purpose.get().directMarketing()) {
            errors.add(FieldError.of(
                    "purpose", "not-direct-marketing", "error.mail.purpose.not-direct-marketing", mail.purpose()));
        } else if (mail.kind() != MailKind.MARKETING && purpose.get().directMarketing()) {
            errors.add(FieldError.of("kind", "marketing-purpose", "error.mail.kind.marketing-purpose", mail.purpose()));
        }
    }

    private static Optional<Purpose> declaredPurpose(Catalog catalog, String site, String key) {
        return catalog.purpose(key)
                .filter(purpose -> catalog.activitiesOf(site).stream()
                        .anyMatch(activity -> activity.purposes().contains(purpose.key())));
    }
}
