package dev.steward.vault;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What Steward holds about addresses by the thousand, for imports and the benchmark's data generator: the subjects
 * carrying them and the erased people among them, each found by blind index in one query for all. Creating subjects
 * in bulk is {@link BulkSubjects}.
 */
@Service
public class KnownSubjects {

    private final VaultRepository repository;
    private final IdentifierRepository identifierRows;
    private final BlindIndex blindIndex;
    private final SuppressionList suppression;

    KnownSubjects(
            VaultRepository repository,
            IdentifierRepository identifierRows,
            BlindIndex blindIndex,
            SuppressionList suppression) {
        this.repository = repository;
        this.identifierRows = identifierRows;
        this.blindIndex = blindIndex;
        this.suppression = suppression;
    }

    /**
     * What Steward holds about these identifiers: those of erased people (the suppression list), who must not come
     * back through an import, and the subjects carrying each of those it knows (a proven one first, then the newest).
     */
    public record Known(
            Set<Identifier> suppressed, Map<Identifier, List<Carrier>> carriers, BlindIndexes blindIndexes) {}

    /**
     * A subject carrying an identifier, with the sites it has a record, a rights request or an account on (its consent
     * events' sites are the consent ledger's to tell): an import files a site's lines only under a subject known there.
     */
    public record Carrier(SubjectId subject, Set<String> sites) {}

    /**
     * The blind indexes computed for a look-up, for creating the subjects it did not find without computing them again
     * ({@link BulkSubjects#file}).
     */
    public static final class BlindIndexes {

        private final Map<Identifier, byte[]> indexes;

        BlindIndexes(Map<Identifier, byte[]> indexes) {
            this.indexes = indexes;
        }

        byte @Nullable [] of(Identifier identifier) {
            return indexes.get(identifier);
        }
    }

    /**
     * The suppression list and the subjects together, for an import that needs both about every address in its file:
     * each blind index is computed once, and the two queries run at the same time on two connections, so that
     * PostgreSQL answers them on two cores.
     */
    public Known lookUp(Collection<Identifier> identifiers) {
        List<Identifier> distinct = List.copyOf(Set.copyOf(identifiers));
        List<byte[]> indexes = distinct.parallelStream().map(blindIndex::of).toList();
        CompletableFuture<Set<String>> suppressed =
                CompletableFuture.supplyAsync(() -> suppression.containedOf(indexes), ForkJoinPool.commonPool());
        Map<String, List<Carrier>> carried = identifierRows.carriersEach(indexes);
        Set<String> erased = suppressed.join();
        Set<Identifier> suppressedIdentifiers = new HashSet<>();
        Map<Identifier, List<Carrier>> found = new LinkedHashMap<>();
        Map<Identifier, byte[]> computed = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            computed.put(distinct.get(i), indexes.get(i));
            String index = HexFormat.of().formatHex(indexes.get(i));
            if (erased.contains(index)) {
                suppressedIdentifiers.add(distinct.get(i));
            }
            List<Carrier> carriers = carried.get(index);
            if (carriers != null) {
                found.put(distinct.get(i), carriers);
            }
        }
        return new Known(suppressedIdentifiers, found, new BlindIndexes(computed));
    }

    public long count() {
        return repository.subjectCount();
    }

    /** Whether Steward holds nobody and erased nobody: then no address a bulk load brings can be known already. */
    public boolean none() {
        return count() == 0 && suppression.isEmpty();
    }

    /** Subjects picked at random (for benchmarks and spot checks). */
    public List<SubjectId> sample(int count) {
        return repository.randomSubjects(count);
    }
}
