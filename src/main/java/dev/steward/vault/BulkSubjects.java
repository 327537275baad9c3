package dev.steward.vault;

import com.google.crypto.tink.Aead;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.platform.BinaryCopyRows;
import dev.steward.platform.BulkCopy;
import dev.steward.platform.OrderedIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Subjects created by the thousand, for imports and the benchmark's data generator (finding them by the thousand is
 * {@link KnownSubjects}): exactly the rows
 * {@link Identities#newSubject} and {@link Vault#store} write (a key per subject wrapped by the master key, blind indexes, identifiers and records
 * encrypted under the subject's key), with the cryptography done in parallel and the rows written by COPY.
 */
@Service
public class BulkSubjects {

    private final DeclaredRecords declared;
    private final FieldsJson json;
    private final VaultRepository repository;
    private final SubjectKeys keys;
    private final BlindIndex blindIndex;
    private final BulkCopy copy;
    private final OrderedIds ids;

    BulkSubjects(
            DeclaredRecords declared,
            FieldsJson json,
            VaultRepository repository,
            SubjectKeys keys,
            BlindIndex blindIndex,
            BulkCopy copy,
            OrderedIds ids) {
        this.declared = declared;
        this.json = json;
        this.repository = repository;
        this.keys = keys;
        this.blindIndex = blindIndex;
        this.copy = copy;
        this.ids = ids;
    }

    /** A subject to create: at least one identifier, and the records collected about them. */
    public record NewSubject(List<Identifier> identifiers, List<NewRecord> records, Instant createdAt) {

        public NewSubject {
            if (identifiers.isEmpty()) {
                throw new IllegalArgumentException("A subject needs at least one identifier");
            }
            identifiers = List.copyOf(identifiers);
            records = List.copyOf(records);
        }
    }

    public record Created(SubjectId subject, List<RecordId> records) {}

    /**
     * Creates the subjects in the caller's transaction; refuses, before writing anything, records the catalog does not
     * declare. The identifiers must be new: one that is taken fails the whole transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Created> create(List<NewSubject> subjects) {
        // not cached: a load of thousands would push out the keys of the people being served (SubjectKeys.uncached)
        Made made = make(subjects, keys::uncached, blindIndex::of);
        List<SubjectId> created = made.created().stream().map(Created::subject).toList();
        keys.unwritten(made.keysBySubject());
        // until the rows commit only this transaction's connection sees them; after, the database answers for them
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                keys.written(created);
            }
        });
        made.copies().forEach(copy::copy);
        return made.created();
    }

    /**
     * The subjects of these identifiers (those found, and new ones for the rest), and the copies that create the new
     * ones, for a caller that writes one batch while it files the next.
     */
    public record Filed(Map<Identifier, SubjectId> subjects, List<SubjectId> created, List<BulkCopy.Pending> copies) {}

    /**
     * Files the identifiers under the subjects found, or new ones, without the database. The new subjects' keys are
     * held until the caller says their copies are {@link #written}.
     */
    public Filed file(
            Collection<Identifier> identifiers,
            Map<Identifier, SubjectId> found,
            KnownSubjects.BlindIndexes computed,
            Instant createdAt) {
        Map<Identifier, SubjectId> subjects = new LinkedHashMap<>();
        identifiers.stream().filter(found::containsKey).forEach(known -> subjects.put(known, found.get(known)));
        List<Identifier> missing = identifiers.stream()
                .distinct()
                .filter(identifier -> !subjects.containsKey(identifier))
                .toList();
        // cached: a later batch of the same import may name them again
        Made made = make(
                missing.stream()
                        .map(identifier -> new NewSubject(List.of(identifier), List.of(), createdAt))
                        .toList(),
                keys::create,
                identifier -> {
                    byte[] index = computed.of(identifier);
                    return index != null ? index : blindIndex.of(identifier);
                });
        for (int i = 0; i < missing.size(); i++) {
            subjects.put(missing.get(i), made.created().get(i).subject());
        }
        keys.unwritten(made.keysBySubject());
        return new Filed(subjects, made.created().stream().map(Created::subject).toList(), made.copies());
    }

    /** The filed subjects' copies are written in the caller's transaction, or will never be (it failed). */
    public void written(Filed filed) {
        keys.written(filed.created());
    }

    /** Loads these subjects' keys with one query, ahead of bulk work on them. */
    public void loadKeys(List<SubjectId> subjects) {
        keys.preload(subjects);
    }

    private record Prepared(
            BinaryCopyRows subject, BinaryCopyRows identifiers, BinaryCopyRows records, Created created, Aead key) {}

    /** New subjects' rows as copies, what they create and their keys; the cryptography on all cores. */
    private record Made(List<BulkCopy.Pending> copies, List<Created> created, List<Aead> keys) {

        Map<SubjectId, Aead> keysBySubject() {
            Map<SubjectId, Aead> held = new HashMap<>();
            for (int i = 0; i < created.size(); i++) {
                held.put(created.get(i).subject(), keys.get(i));
            }
            return held;
        }
    }

    private Made make(
            List<NewSubject> subjects,
            Function<SubjectId, SubjectKeys.Created> newKey,
            Function<Identifier, byte[]> indexOf) {
        Map<String, ProcessingActivity> activities = new LinkedHashMap<>();
        subjects.forEach(subject -> subject.records()
                .forEach(record -> activities.computeIfAbsent(
                        record.site() + '\u0000' + record.activity(), key -> declared.requireDeclared(record))));
        Prepared[] prepared = new Prepared[subjects.size()];
        IntStream.range(0, subjects.size()).parallel().forEach(i -> {
            SubjectId id = new SubjectId(ids.next());
            prepared[i] = prepare(subjects.get(i), id, newKey.apply(id), activities, indexOf);
        });
        BinaryCopyRows subjectRows = new BinaryCopyRows();
        BinaryCopyRows identifierCopy = new BinaryCopyRows();
        BinaryCopyRows recordRows = new BinaryCopyRows();
        for (Prepared one : prepared) {
            subjectRows.append(one.subject());
            identifierCopy.append(one.identifiers());
            recordRows.append(one.records());
        }
        return new Made(
                List.of(
                        VaultRepository.subjectsCopy(subjectRows),
                        IdentifierRepository.copyOf(identifierCopy),
                        VaultRepository.recordsCopy(recordRows)),
                Arrays.stream(prepared).map(Prepared::created).toList(),
                Arrays.stream(prepared).map(Prepared::key).toList());
    }

    private Prepared prepare(
            NewSubject subject,
            SubjectId id,
            SubjectKeys.Created key,
            Map<String, ProcessingActivity> activities,
            Function<Identifier, byte[]> indexOf) {
        BinaryCopyRows subjectRow = VaultRepository.subjectRow(id, key.wrapped(), subject.createdAt());
        BinaryCopyRows identifierRows = new BinaryCopyRows();
        for (Identifier identifier : subject.identifiers()) {
            IdentifierRepository.addRow(
                    identifierRows,
                    indexOf.apply(identifier),
                    id,
                    identifier.kind(),
                    ClaimedIdentifier.of(identifier).links(),
                    Ciphertexts.encrypt(
                            key.aead(),
                            identifier.value().getBytes(StandardCharsets.UTF_8),
                            Ciphertexts.identifierContext(id, identifier.kind())));
        }
        BinaryCopyRows recordRows = new BinaryCopyRows();
        List<RecordId> records = new ArrayList<>();
        for (NewRecord record : subject.records()) {
            records.add(addRecord(recordRows, id, key.aead(), record, activities, subject.createdAt()));
        }
        return new Prepared(subjectRow, identifierRows, recordRows, new Created(id, records), key.aead());
    }

    /**
     * Adds a record, collected at the time given, to each of these subjects (which must exist), in the caller's
     * transaction: what {@link Vault#store} writes for each, encrypted in parallel and written by COPY.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RecordId> addRecords(List<SubjectId> subjects, NewRecord record, Instant collectedAt) {
        Map<String, ProcessingActivity> activities =
                Map.of(record.site() + '\u0000' + record.activity(), declared.requireDeclared(record));
        keys.preload(subjects);
        BinaryCopyRows[] rows = new BinaryCopyRows[subjects.size()];
        RecordId[] ids = new RecordId[subjects.size()];
        IntStream.range(0, subjects.size()).parallel().forEach(i -> {
            SubjectId subject = subjects.get(i);
            Aead key = keys.of(subject).orElseThrow(() -> new IllegalArgumentException("No such subject: " + subject));
            rows[i] = new BinaryCopyRows();
            ids[i] = addRecord(rows[i], subject, key, record, activities, collectedAt);
        });
        BinaryCopyRows all = new BinaryCopyRows();
        for (BinaryCopyRows one : rows) {
            all.append(one);
        }
        repository.copyRecords(all);
        return List.of(ids);
    }

    private RecordId addRecord(
            BinaryCopyRows rows,
            SubjectId subject,
            Aead key,
            NewRecord record,
            Map<String, ProcessingActivity> activities,
            Instant collectedAt) {
        RecordId id = RecordId.random();
        NewRecord due =
                declared.withDueTime(record, activities.get(record.site() + '\u0000' + record.activity()), collectedAt);
        rows.row(12).uuid(id.value()).uuid(subject.value());
        addRecord(rows, due, collectedAt, encrypted(key, record, id, subject));
        return id;
    }

    private byte[] encrypted(Aead key, NewRecord record, RecordId recordId, SubjectId subject) {
        return Ciphertexts.encrypt(key, json.write(record.fields()), Ciphertexts.recordContext(recordId, subject));
    }

    private static void addRecord(BinaryCopyRows rows, NewRecord record, Instant collectedAt, byte[] fields) {
        rows.text(record.site())
                .text(record.activity())
                .text(record.noticeVersion())
                .text(record.legalBasis())
                .text(record.jurisdiction())
                .timestamp(collectedAt)
                .text(record.state().name())
                .text(record.retentionRule())
                .timestamp(record.dueAt())
                .bytea(fields);
    }
}
