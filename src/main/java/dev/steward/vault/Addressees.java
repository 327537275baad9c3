package dev.steward.vault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * People as mail reaches them: by the blind index of an e-mail address, however many subjects carry it. A campaign
 * finds its audience among subjects and addresses each person once; at the moment of sending it needs, per address,
 * every subject carrying it (whose consents and restrictions all count) and the address itself, decrypted from one of
 * them. Everything is read in batches, so that sending many messages costs few queries.
 */
@Service
public class Addressees {

    private final IdentifierRepository identifiers;
    private final VaultRepository records;
    private final SubjectKeys keys;

    Addressees(IdentifierRepository identifiers, VaultRepository records, SubjectKeys keys) {
        this.identifiers = identifiers;
        this.records = records;
        this.keys = keys;
    }

    /**
     * A person reached by an e-mail address: the address, and the subjects carrying it (a proven one first, then the
     * newest). Never logged: {@link #toString()} leaves the address out.
     */
    public record Addressee(byte[] emailIndex, String address, List<SubjectId> subjects) {

        @Override
        public String toString() {
            return "Addressee[" + subjects.size() + " subjects]";
        }
    }

    /** The people behind these blind indexes; an index no existing subject carries any more is left out. */
    public List<Addressee> of(List<byte[]> emailIndexes) {
        List<IdentifierRepository.Carried> carried = identifiers.emailsCarried(emailIndexes);
        keys.preload(carried.stream()
                .map(IdentifierRepository.Carried::subject)
                .distinct()
                .toList());
        Map<String, List<IdentifierRepository.Carried>> byIndex = new LinkedHashMap<>();
        carried.forEach(one -> byIndex.computeIfAbsent(hex(one.blindIndex()), ignored -> new ArrayList<>())
                .add(one));
        List<Addressee> found = new ArrayList<>();
        for (List<IdentifierRepository.Carried> carriers : byIndex.values()) {
            List<SubjectId> subjects = carriers.stream()
                    .map(IdentifierRepository.Carried::subject)
                    .filter(subject -> keys.of(subject).isPresent())
                    .toList();
            if (!subjects.isEmpty()) {
                IdentifierRepository.Carried first = carriers.stream()
                        .filter(one -> one.subject().equals(subjects.get(0)))
                        .findFirst()
                        .orElseThrow();
                found.add(new Addressee(first.blindIndex(), address(first), subjects));
            }
        }
        return found;
    }

    /** The blind indexes of the e-mail addresses each subject carries, for finding an audience among subjects. */
    public Map<SubjectId, List<byte[]>> emailIndexesOf(Collection<SubjectId> subjects) {
        Map<SubjectId, List<byte[]>> indexes = new LinkedHashMap<>();
        identifiers
                .emailsOf(List.copyOf(subjects))
                .forEach(one -> indexes.computeIfAbsent(one.subject(), ignored -> new ArrayList<>())
                        .add(one.blindIndex()));
        return indexes;
    }

    /** Every subject carrying the e-mail address with this blind index, for a withdrawal that must reach them all. */
    public List<SubjectId> carrying(byte[] emailIndex) {
        return identifiers.carrying(emailIndex);
    }

    /** The subjects holding a record of any of these activities on the site: whom operational mail concerns. */
    public List<SubjectId> withRecords(String site, Collection<String> activities) {
        return activities.isEmpty() ? List.of() : records.withRecords(site, activities);
    }

    /**
     * Those of the subjects who hold a record of any of these activities on the site at this moment (a child's record
     * held for the parent's confirmation counts for nothing yet): whom an operational message still concerns as it goes.
     */
    public Set<SubjectId> holdingRecords(String site, Collection<String> activities, Collection<SubjectId> subjects) {
        return activities.isEmpty() || subjects.isEmpty()
                ? Set.of()
                : records.holdingRecords(site, activities, subjects);
    }

    private String address(IdentifierRepository.Carried carried) {
        byte[] plain = Ciphertexts.decrypt(
                keys.of(carried.subject()).orElseThrow(),
                carried.valueEnc(),
                Ciphertexts.identifierContext(carried.subject(), Identifier.Kind.EMAIL));
        return new String(plain, StandardCharsets.UTF_8);
    }

    private static String hex(byte[] index) {
        return HexFormat.of().formatHex(index);
    }
}
