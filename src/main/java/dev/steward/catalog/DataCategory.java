package dev.steward.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A kind of personal data (contact details, connection data, account credentials) and its fields. */
public record DataCategory(String key, LocalizedText name, Sensitivity sensitivity, List<Field> fields) {

    public enum Sensitivity {
        NORMAL,
        /** Data whose loss harms the person (credentials, payment references). */
        SENSITIVE,
        /** GDPR Art. 9 special categories. */
        SPECIAL
    }

    /**
     * One item of personal data. How it is stored follows from its type: passwords only as a hash, card numbers
     * only as a token reference, everything else encrypted with the subject's key.
     */
    public record Field(
            String key,
            LocalizedText label,
            FieldType type,
            boolean identifier,
            @Nullable Integer maxLength,
            @Nullable String pattern,
            @Nullable LocalizedText patternMessage,
            List<Option> options,
            @Nullable LocalizedText help,
            @Nullable SubjectMatching matchesSubject) {

        /**
         * Whether this identifier, once proven, reaches every data subject that carries it: as the catalog says, else
         * e-mail addresses do (a link sent to one proves it) and nothing else does: Steward cannot prove a phone
         * number, and a sign-in proves who knows an account's password, not who typed its user name elsewhere.
         */
        public SubjectMatching matching() {
            if (matchesSubject != null) {
                return matchesSubject;
            }
            return type == FieldType.EMAIL ? SubjectMatching.VERIFIED_ONLY : SubjectMatching.NEVER;
        }
    }

    /**
     * How an identifier links a person's submissions. Nothing ever links them by a value nobody proved: a submission
     * is a data subject of its own until its e-mail address is proven by a link or code sent to it, and then the proof
     * reaches every subject that carries it.
     */
    public enum SubjectMatching {
        VERIFIED_ONLY,
        NEVER
    }

    /** A choice offered by a field of type {@code choice}. */
    public record Option(String value, LocalizedText label) {}

    public enum FieldType {
        TEXT,
        TEXTAREA,
        EMAIL,
        PHONE,
        POSTAL_CODE,
        CHOICE,
        DATE,
        USERNAME,
        /** Stored only as a password hash, never encrypted and never readable. */
        PASSWORD,
        /** Only a token reference from a payment provider is accepted, never a card number. */
        CARD_TOKEN,
        URL,
        /** Collected by the server, never typed by a visitor (e.g. log-file data). */
        TECHNICAL;

        public boolean isTypedByVisitor() {
            return this != TECHNICAL;
        }
    }
}
