package dev.steward.vault;

import com.google.crypto.tink.Aead;
import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Notifications;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal data, encrypted per data subject. Every personal value is stored only as AES-256-GCM ciphertext under
 * its subject's own key, bound by associated data to the record it belongs to; identifiers are found by blind
 * index. Erasing a subject destroys the key, so whatever ciphertext survives (a backup, an export, a replica)
 * cannot be decrypted. Staff reads and changes are written to the audit trail.
 */
@Service
public class Vault {

    static final String NOTIFY_CHANNEL = "steward_vault";

    private final VaultRepository repository;
    private final IdentifierRepository identifierRows;
    private final SubjectKeys keys;
    private final Eraser eraser;
    private final DeclaredRecords declared;
    private final RecordRectification rectification;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final FieldsJson json;
    private final Clock clock;

    Vault(
            VaultRepository repository,
            IdentifierRepository identifierRows,
            SubjectKeys keys,
            Eraser eraser,
            DeclaredRecords declared,
            RecordRectification rectification,
            AuditTrail audit,
            Notifications notifications,
            FieldsJson json,
            Clock clock) {
        this.repository = repository;
        this.identifierRows = identifierRows;
        this.keys = keys;
        this.eraser = eraser;
        this.declared = declared;
        this.rectification = rectification;
        this.audit = audit;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
        notifications.subscribe(NOTIFY_CHANNEL, this::forgetErased);
    }

    /** Whether the subject exists (was created and not erased); answered from the key cache when it can be. */
    public boolean exists(SubjectId subject) {
        return keys.of(subject).isPresent();
    }

    /** Those of these subjects that exist, as {@link #exists} answers each, in one query and without their keys. */
    public Set<SubjectId> existing(Collection<SubjectId> subjects) {
        return keys.existing(subjects);
    }

    /**
     * Calls the listener whenever a subject is erased on any node, or with {@code null} when erasures may have been
     * missed (a lost database connection) and caches must be dropped. On the node that erased, it is called as soon as
     * the erasure commits, before the notification comes back (then again with it): a cache of who exists may rely on
     * it as this node's key cache does.
     */
    public void onErasure(java.util.function.Consumer<@Nullable SubjectId> listener) {
        eraser.onErasedHere(listener::accept);
        notifications.subscribe(NOTIFY_CHANNEL, subjects -> {
            if (subjects == null) {
                listener.accept(null);
            } else {
                for (String subject : subjects.split(",")) {
                    listener.accept(SubjectId.parse(subject));
                }
            }
        });
    }

    /** Stores a record; refuses fields the catalog does not declare for the record's activity. */
    @Transactional
    public RecordId store(SubjectId subject, NewRecord record) {
        ProcessingActivity activity = declared.requireDeclared(record);
        Aead key = key(subject);
        RecordId id = RecordId.random();
        Instant now = clock.instant();
        repository.insertRecord(
                id,
                subject,
                declared.withDueTime(record, activity, now),
                now,
                Ciphertexts.encrypt(key, json.write(record.fields()), Ciphertexts.recordContext(id, subject)));
        return id;
    }

    public Optional<RecordSummary> record(RecordId record) {
        return repository.record(record);
    }

    public List<RecordSummary> records(SubjectId subject) {
        return repository.records(subject);
    }

    /**
     * A page of the subjects, in id order after {@code after}, who have a record of one of the site's activities
     * collected under one of the jurisdictions before the instant: those a change of that processing concerns.
     */
    public List<SubjectId> subjectsWithRecords(
            String site,
            Collection<String> activities,
            Collection<String> jurisdictions,
            Instant collectedBefore,
            @Nullable SubjectId after,
            int limit) {
        if (activities.isEmpty() || jurisdictions.isEmpty()) {
            return List.of();
        }
        return repository.subjectsWithRecords(
                site,
                activities,
                jurisdictions,
                collectedBefore,
                after == null ? new UUID(0, 0) : after.value(),
                limit);
    }

    /** A record's personal fields, decrypted; a read by staff is written to the audit trail first. */
    @Transactional
    public Map<String, String> fields(RecordId record, Access access) {
        RecordSummary summary = requireRecord(record);
        byte[] sealed = repository.fieldsOf(record).orElseThrow();
        Map<String, String> fields =
                json.read(decrypt(summary.subject(), sealed, Ciphertexts.recordContext(record, summary.subject())));
        auditIfStaff(access, summary.subject(), summary.site(), List.copyOf(fields.keySet()));
        return fields;
    }

    @Transactional
    public List<Identifier> identifiers(SubjectId subject, Access access) {
        return heldIdentifiers(subject, access).stream()
                .map(HeldIdentifier::identifier)
                .toList();
    }

    /** The subject's identifiers, decrypted, each with when it was proven theirs; a read by staff is audited. */
    @Transactional
    public List<HeldIdentifier> heldIdentifiers(SubjectId subject, Access access) {
        List<HeldIdentifier> held = new ArrayList<>();
        for (IdentifierRepository.Stored stored : identifierRows.of(subject)) {
            byte[] value = decrypt(subject, stored.valueEnc(), Ciphertexts.identifierContext(subject, stored.kind()));
            held.add(new HeldIdentifier(
                    new Identifier(stored.kind(), new String(value, StandardCharsets.UTF_8)),
                    stored.links(),
                    stored.verifiedAt()));
        }
        auditIfStaff(
                access,
                subject,
                null,
                held.stream()
                        .map(i -> i.identifier().kind().name().toLowerCase(java.util.Locale.ROOT))
                        .toList());
        return held;
    }

    /**
     * Changes some fields of a record (rectification, or completion by a supplementary statement), keeping the
     * others, and keeps identifiers in step with the new values; answers each identifier replaced, old to new.
     */
    @Transactional
    public Map<Identifier, Identifier> rectify(RecordId record, Map<String, String> changes, Access access) {
        RecordSummary summary = requireRecord(record);
        return rectification.apply(summary, fields(record, Access.system("rectification")), changes, access);
    }

    /** Erases a subject: key, identifiers and records, in one transaction, leaving a tombstone. */
    @Transactional
    public Optional<Tombstone> eraseSubject(SubjectId subject, String reason) {
        return eraser.erase(Tombstone.ofSubject(subject, now(), reason, false));
    }

    /**
     * Erases a subject as {@link #eraseSubject} does and puts their identifiers on the suppression list, so that
     * neither an import nor a campaign brings them back; the tombstone says so, and a replay after a restore does it
     * again.
     */
    @Transactional
    public Optional<Tombstone> eraseAndSuppress(SubjectId subject, String reason) {
        return eraser.erase(Tombstone.ofSubject(subject, now(), reason, true));
    }

    /** Erases some records of a subject (one activity's, or those due), leaving a tombstone naming them. */
    @Transactional
    public Optional<Tombstone> eraseRecords(
            SubjectId subject, List<RecordId> records, @Nullable String activity, String reason) {
        if (records.isEmpty()) {
            return Optional.empty();
        }
        return eraser.erase(new Tombstone(UUID.randomUUID(), subject, List.copyOf(records), activity, now(), reason));
    }

    /** Erases all of a subject's records of one activity. */
    @Transactional
    public Optional<Tombstone> eraseActivity(SubjectId subject, String activity, String reason) {
        List<RecordId> records = repository.records(subject).stream()
                .filter(record -> record.activity().equals(activity))
                .map(RecordSummary::id)
                .toList();
        return eraseRecords(subject, records, activity, reason);
    }

    /** Encrypts other modules' personal data (mail, evidence, exports) under the subject's key. */
    public byte[] seal(SubjectId subject, byte[] plaintext, String context) {
        return Ciphertexts.encrypt(key(subject), plaintext, "sealed:" + context + ":" + subject);
    }

    /** Decrypts what {@link #seal} encrypted; empty once the subject is erased. */
    public Optional<byte[]> open(SubjectId subject, byte[] sealed, String context) {
        return keys.of(subject).map(key -> Ciphertexts.decrypt(key, sealed, "sealed:" + context + ":" + subject));
    }

    /** Erasure times are hashed into the erasure log, so they carry the database's precision from the start. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * Another node erased subjects (one, or several separated by commas): their keys must not stay usable here. A
     * null payload means: catch up.
     */
    private void forgetErased(@Nullable String subjects) {
        if (subjects == null) {
            keys.forgetAll();
        } else {
            for (String subject : subjects.split(",")) {
                keys.forget(SubjectId.parse(subject));
            }
        }
    }

    private void auditIfStaff(Access access, SubjectId subject, @Nullable String site, List<String> fields) {
        if (access.staff()) {
            audit.record(
                    new AuditEntry(access.actor(), access.action(), subject.value(), site, fields, access.reason()));
        }
    }

    private byte[] decrypt(SubjectId subject, byte[] sealed, String context) {
        return Ciphertexts.decrypt(key(subject), sealed, context);
    }

    private Aead key(SubjectId subject) {
        return keys.of(subject).orElseThrow(() -> new NotFoundException("There is no subject " + subject + "."));
    }

    private RecordSummary requireRecord(RecordId record) {
        return repository.record(record).orElseThrow(() -> new NotFoundException("There is no record " + record + "."));
    }
}
