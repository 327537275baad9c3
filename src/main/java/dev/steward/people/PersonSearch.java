package dev.steward.people;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.Caller;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the data subjects an identifier belongs to, through its blind index: the value itself is never stored or
 * logged by the search. Every search is audited (the kind searched and each person found, never the value), and a
 * member limited to some sites finds only people with something on them, by an identifier their sites were given.
 */
@Service
class PersonSearch {

    private final Identities identities;
    private final PersonFile files;
    private final AuditTrail audit;
    private final CatalogWords words;
    private final SiteIdentifiers siteIdentifiers;

    PersonSearch(
            Identities identities,
            PersonFile files,
            AuditTrail audit,
            CatalogWords words,
            SiteIdentifiers siteIdentifiers) {
        this.siteIdentifiers = siteIdentifiers;
        this.identities = identities;
        this.files = files;
        this.audit = audit;
        this.words = words;
    }

    /** A person found, with the names of the caller's sites on which they have something. */
    record Found(SubjectId subject, List<String> sites) {}

    @Transactional
    List<Found> find(@Nullable String kind, @Nullable String value, Caller staff) {
        Identifier identifier = identifier(kind, value);
        List<Found> found = new ArrayList<>();
        for (SubjectId subject : identities.carrying(identifier)) {
            Set<String> sites = files.sitesOf(subject, staff);
            if (!sites.isEmpty() && siteIdentifiers.findableBy(subject, identifier, staff)) {
                found.add(new Found(subject, sites.stream().map(words::site).toList()));
            }
        }
        String searched = identifier.kind().name().toLowerCase(Locale.ROOT);
        if (found.isEmpty()) {
            audit.record(AuditEntry.worded(staff.name(), "find-person", null, null, List.of(searched), "nobody-found"));
        }
        for (Found person : found) {
            audit.record(new AuditEntry(
                    staff.name(), "find-person", person.subject().value(), null, List.of(searched), null));
        }
        return found;
    }

    private static Identifier identifier(@Nullable String kind, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(FieldError.of("value", "required", "error.people.value.required"));
        }
        Identifier.Kind chosen;
        try {
            chosen = Identifier.Kind.valueOf(kind == null ? "EMAIL" : kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldError.of("kind", "invalid", "error.people.kind.invalid"));
        }
        Identifier identifier = new Identifier(chosen, value);
        if (identifier.value().isEmpty()) {
            throw new InvalidInputException(FieldError.of("value", "invalid", "error.people.value.invalid"));
        }
        return identifier;
    }
}
