package dev.steward.vault;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Catalogs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Changes some fields of a record (rectification, or completion by a supplementary statement), keeping the others,
 * and keeps the subject's identifiers in step with the new values. Runs inside {@link Vault#rectify}'s transaction.
 */
@Component
class RecordRectification {

    private final VaultRepository repository;
    private final Identities identities;
    private final SubjectKeys keys;
    private final Catalogs catalogs;
    private final DeclaredRecords declared;
    private final AuditTrail audit;
    private final FieldsJson json;

    RecordRectification(
            VaultRepository repository,
            Identities identities,
            SubjectKeys keys,
            Catalogs catalogs,
            DeclaredRecords declared,
            AuditTrail audit,
            FieldsJson json) {
        this.repository = repository;
        this.identities = identities;
        this.keys = keys;
        this.catalogs = catalogs;
        this.declared = declared;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Writes the record's fields as {@code before} with {@code changes} applied, refusing fields the catalog does not
     * declare; answers each identifier replaced, old to new.
     */
    Map<Identifier, Identifier> apply(
            RecordSummary summary, Map<String, String> before, Map<String, String> changes, Access access) {
        Map<String, String> fields = new LinkedHashMap<>(before);
        fields.putAll(changes);
        declared.requireDeclared(new NewRecord(
                summary.site(),
                summary.activity(),
                summary.noticeVersion(),
                summary.legalBasis(),
                summary.jurisdiction(),
                summary.retentionRule(),
                summary.dueAt(),
                summary.state(),
                fields));
        repository.updateFields(
                summary.id(),
                Ciphertexts.encrypt(
                        keys.of(summary.subject()).orElseThrow(),
                        json.write(fields),
                        Ciphertexts.recordContext(summary.id(), summary.subject())));
        Map<Identifier, Identifier> moved = moveIdentifiers(summary, before, changes);
        if (access.staff()) {
            audit.record(new AuditEntry(
                    access.actor(),
                    access.action(),
                    summary.subject().value(),
                    summary.site(),
                    List.copyOf(changes.keySet()),
                    access.reason()));
        }
        return moved;
    }

    /**
     * A corrected identifier (a new e-mail address) is carried from now on, unproven until proven; the old one no
     * longer is.
     */
    private Map<Identifier, Identifier> moveIdentifiers(
            RecordSummary record, Map<String, String> before, Map<String, String> changes) {
        Map<Identifier, Identifier> moved = new LinkedHashMap<>();
        changes.forEach((field, value) -> catalogs.of(record.site())
                .field(field)
                .ifPresent(declared -> {
                    Optional<ClaimedIdentifier> old = ClaimedIdentifier.of(declared, before.getOrDefault(field, ""));
                    Optional<ClaimedIdentifier> now = ClaimedIdentifier.of(declared, value == null ? "" : value);
                    old.ifPresent(claimed -> identities.remove(record.subject(), claimed.identifier()));
                    now.ifPresent(claimed -> identities.add(record.subject(), List.of(claimed)));
                    if (old.isPresent() && now.isPresent()) {
                        moved.put(old.get().identifier(), now.get().identifier());
                    }
                }));
        return moved;
    }
}
