package dev.steward.vault;

import dev.steward.catalog.DataCategory;
import java.util.Optional;

/**
 * An identifier as a submission gives it, with whether the catalog lets it link the person's subjects once it is
 * proven (an e-mail address) or never (a phone number, which Steward cannot prove; a user name, which a sign-in proves
 * for its account only).
 */
public record ClaimedIdentifier(Identifier identifier, boolean links) {

    /** The identifier linking as its kind does by default: e-mail addresses link, nothing else does. */
    public static ClaimedIdentifier of(Identifier identifier) {
        return new ClaimedIdentifier(identifier, identifier.kind() == Identifier.Kind.EMAIL);
    }

    /** What a value typed into a catalog field claims, if the field is an identifier and the value not blank. */
    public static Optional<ClaimedIdentifier> of(DataCategory.Field field, String value) {
        if (!field.identifier() || value.isBlank()) {
            return Optional.empty();
        }
        Identifier.Kind kind = switch (field.type()) {
            case EMAIL -> Identifier.Kind.EMAIL;
            case USERNAME -> Identifier.Kind.USERNAME;
            case PHONE -> Identifier.Kind.PHONE;
            default -> null;
        };
        return kind == null
                ? Optional.empty()
                : Optional.of(new ClaimedIdentifier(
                        new Identifier(kind, value), field.matching() == DataCategory.SubjectMatching.VERIFIED_ONLY));
    }
}
