package dev.steward.vault;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a data subject is, and what proves it. Nothing joins two submissions by a value nobody proved: a submission is a
 * subject of its own, carrying its identifiers unproven. An identifier is proven for a subject when a link or code
 * sent to it came back (an e-mail address) or its account signed in; from then on the proof reaches every subject
 * that carries the same identifier as a linking one (what was submitted under that address), but never through a
 * phone number, and never a subject that staff must first review.
 */
@Service
public class Identities {

    private final VaultRepository subjects;
    private final IdentifierRepository identifiers;
    private final SubjectKeys keys;
    private final BlindIndex blindIndex;
    private final Clock clock;

    Identities(
            VaultRepository subjects,
            IdentifierRepository identifiers,
            SubjectKeys keys,
            BlindIndex blindIndex,
            Clock clock) {
        this.subjects = subjects;
        this.identifiers = identifiers;
        this.keys = keys;
        this.blindIndex = blindIndex;
        this.clock = clock;
    }

    /** A new subject, e.g. for a submission nobody proved, carrying its identifiers unproven (perhaps none). */
    @Transactional
    public SubjectId newSubject(List<ClaimedIdentifier> claimed) {
        SubjectId subject = SubjectId.random();
        subjects.insertSubject(subject, keys.create(subject).wrapped(), clock.instant());
        add(subject, claimed);
        return subject;
    }

    /** Adds identifiers, unproven, to a subject (one whose visitor proved who they are, e.g. by signing in). */
    @Transactional
    public void add(SubjectId subject, List<ClaimedIdentifier> claimed) {
        Aead key = keys.of(subject).orElseThrow();
        for (ClaimedIdentifier one : claimed) {
            Identifier identifier = one.identifier();
            identifiers.insert(
                    blindIndex.of(identifier),
                    subject,
                    identifier.kind(),
                    one.links(),
                    Ciphertexts.encrypt(
                            key,
                            identifier.value().getBytes(StandardCharsets.UTF_8),
                            Ciphertexts.identifierContext(subject, identifier.kind())));
        }
    }

    /**
     * The identifier came back to the subject: a link or code sent to the address was used, or the account it signs
     * in with was verified. The subject gets the identifier if it lacked it; the first proof is kept.
     *
     * @param how what proved it, e.g. {@code rights-request}, {@code double-opt-in}, {@code account}
     */
    @Transactional
    public void prove(SubjectId subject, Identifier identifier, String how) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!identifiers.prove(blindIndex.of(identifier), subject, now, how)) {
            add(subject, List.of(ClaimedIdentifier.of(identifier)));
            identifiers.prove(blindIndex.of(identifier), subject, now, how);
        }
    }

    public boolean proven(SubjectId subject, Identifier identifier) {
        return identifiers.proven(blindIndex.of(identifier), subject);
    }

    /**
     * The subjects whose data the person who proved the identifier may reach: the prover, and, once the e-mail address
     * is proven for the prover, every subject that carries it as a linking identifier and awaits no review. Without a
     * proof, and for any other identifier, the prover alone: signing in proves that one knows the password of the
     * account a user name belongs to, not who typed the same name into another form (or another registration waiting
     * for its link), and subjects stored before this rule still carry user names as linking.
     */
    public List<SubjectId> reach(SubjectId prover, Identifier identifier) {
        byte[] index = blindIndex.of(identifier);
        if (identifier.kind() != Identifier.Kind.EMAIL || !identifiers.proven(index, prover)) {
            return List.of(prover);
        }
        return identifiers.reach(index, prover);
    }

    /**
     * Every subject carrying the identifier, proven or not, newest first: for a sign-in, where the password decides,
     * and for withdrawals by address, which may only ever stop processing.
     */
    public List<SubjectId> carrying(Identifier identifier) {
        return identifiers.carrying(blindIndex.of(identifier));
    }

    /**
     * The subject that a consent recorded by address alone (by an integrator, an import) is filed under: one already
     * carrying the address (a proven one first), else a new subject with it. Filing consent this way joins no data.
     */
    @Transactional
    public SubjectId forAddress(Identifier identifier) {
        return identifiers
                .oneCarrier(blindIndex.of(identifier))
                .orElseGet(() -> newSubject(List.of(ClaimedIdentifier.of(identifier))));
    }

    /**
     * As {@link #forAddress(Identifier)}, among the carriers the filter lets through (those a site's integrator may
     * know of): the first of them, a proven one first, else a new subject with the address.
     */
    @Transactional
    public SubjectId forAddress(Identifier identifier, Predicate<SubjectId> among) {
        for (SubjectId carrier : identifiers.carriersInOrder(blindIndex.of(identifier))) {
            if (among.test(carrier)) {
                return carrier;
            }
        }
        return newSubject(List.of(ClaimedIdentifier.of(identifier)));
    }

    /** The blind index of an identifier, for lists that must recognise a person without holding their data. */
    public byte[] blindIndexOf(Identifier identifier) {
        return blindIndex.of(identifier);
    }

    /** Takes an identifier from the subject (a corrected e-mail address no longer finds them). */
    @Transactional
    public void remove(SubjectId subject, Identifier identifier) {
        identifiers.delete(blindIndex.of(identifier), subject);
    }
}
