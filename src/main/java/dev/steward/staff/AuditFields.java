package dev.steward.staff;

import dev.steward.audit.AuditRecord;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.Site;
import dev.steward.platform.ConsoleWords;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The fields an audit entry names, as staff read them: a field the entry's site declares by its catalog label, a
 * consent recorded on a person's behalf by its purpose's name and what happened to it, and Steward's own names
 * (records, consents, a mail's recipient…) from the console's bundles; each in the staff member's language where
 * there are words for it, else the site's. The entry keeps the names it was written with; only the page words them.
 * Templates call it as {@code @auditFields}.
 */
@Component("auditFields")
public class AuditFields {

    /** How {@code StaffConsents} names a consent it recorded: {@code consent:<purpose>:<action>}. */
    private static final String CONSENT = "consent:";

    private final Catalogs catalogs;
    private final ConsoleWords words;

    AuditFields(Catalogs catalogs, ConsoleWords words) {
        this.catalogs = catalogs;
        this.words = words;
    }

    /** Who acted: a member or key by their name, the operator on the command line in the reader's words. */
    public String actor(AuditRecord entry) {
        return actor(entry.actor());
    }

    /**
     * An actor as a request's history or the audit trail stores it: a member or key by their name; the operator on the
     * command line, the requester and Steward itself in the reader's words (they were shown as "operator (command
     * line)", "requester", "steward"). No member can bear the names {@link StaffInput#RESERVED} holds.
     */
    public String actor(String actor) {
        if (actor.equals(StaffDirectory.OPERATOR.name())) {
            return words.get("console.audit.actor.operator");
        }
        return StaffInput.RESERVED.contains(actor) ? words.get("console.actor." + actor) : actor;
    }

    /** "by …" after an event of a request's history, worded whole where the language declines the actor. */
    public String by(String actor) {
        return StaffInput.RESERVED.contains(actor)
                ? words.get("console.request.by." + actor)
                : words.get("console.request.by", actor(actor));
    }

    public String of(AuditRecord entry) {
        Optional<Site> site = entry.site() == null ? Optional.empty() : catalogs.site(entry.site());
        return entry.fields().stream()
                .map(field -> site.flatMap(declared -> worded(declared, field))
                        .orElseGet(() -> words.getOr("console.audit.field." + field, field)))
                .collect(Collectors.joining(", "));
    }

    private Optional<String> worded(Site site, String field) {
        return field.startsWith(CONSENT) ? consent(site, field.substring(CONSENT.length())) : label(site, field);
    }

    private Optional<String> label(Site site, String field) {
        return catalogs.of(site.key())
                .field(field)
                .map(DataCategory.Field::label)
                .map(label -> label.in(language(), site.language()));
    }

    private Optional<String> consent(Site site, String purposeAndAction) {
        int colon = purposeAndAction.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String purpose = purposeAndAction.substring(0, colon);
        String action = purposeAndAction.substring(colon + 1).toUpperCase(Locale.ROOT);
        return catalogs.of(site.key())
                .purpose(purpose)
                .map(declared -> words.get(
                        "console.audit.field.consent",
                        declared.name().in(language(), site.language()),
                        words.getOr("console.consentAction." + action, action)));
    }

    private static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
