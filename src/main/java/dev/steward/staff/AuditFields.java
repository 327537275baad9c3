package dev.steward.staff;

import dev.steward.audit.AuditRecord;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.Site;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The fields an audit entry names, as staff read them: a field the entry's site declares by its catalog label (in the
 * staff member's language where the catalog has it, else the site's), any other name (records, consents, mail.to) as
 * stored. The entry keeps the field keys; only the page words them. Templates call it as {@code @auditFields}.
 */
@Component("auditFields")
public class AuditFields {

    private final Catalogs catalogs;

    AuditFields(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    public String of(AuditRecord entry) {
        Optional<Site> site = entry.site() == null ? Optional.empty() : catalogs.site(entry.site());
        return entry.fields().stream()
                .map(field -> site.flatMap(declared -> label(declared, field)).orElse(field))
                .collect(Collectors.joining(", "));
    }

    private Optional<String> label(Site site, String field) {
        return catalogs.of(site.key())
                .field(field)
                .map(DataCategory.Field::label)
                .map(label -> label.in(LocaleContextHolder.getLocale().getLanguage(), site.language()));
    }
}
