package dev.steward.disclosures;

/** A disclosure refused because a hold (a restriction of processing) stops disclosures of the subject's data. */
public class DisclosureStoppedException extends RuntimeException {

    public DisclosureStoppedException(String reason) {
        super(reason);
    }
}
