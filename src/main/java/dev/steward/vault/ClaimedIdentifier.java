package dev.steward.vault;

/**
 * An identifier as a submission gives it, with whether the catalog lets it link the person's subjects once it is
 * proven (an e-mail address, a user name) or never (a phone number, which Steward cannot prove).
 */
public record ClaimedIdentifier(Identifier identifier, boolean links) {

    /** The identifier linking as its kind does by default: e-mail addresses and user names link, phone numbers never. */
    public static ClaimedIdentifier of(Identifier identifier) {
        return new ClaimedIdentifier(identifier, identifier.kind() != Identifier.Kind.PHONE);
    }
}
