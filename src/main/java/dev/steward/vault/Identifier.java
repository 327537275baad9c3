package dev.steward.vault;

import java.util.Locale;

/**
 * Something that identifies a person (an e-mail address, a user name, a phone number), normalised so that the same
 * person is found however they typed it. Never logged: {@link #toString()} names only the kind.
 */
public record Identifier(Kind kind, String value) {

    public enum Kind {
        EMAIL,
        USERNAME,
        PHONE
    }

    public Identifier {
        value = normalise(kind, value);
    }

    public static Identifier email(String value) {
        return new Identifier(Kind.EMAIL, value);
    }

    public static Identifier username(String value) {
        return new Identifier(Kind.USERNAME, value);
    }

    public static Identifier phone(String value) {
        return new Identifier(Kind.PHONE, value);
    }

    private static String normalise(Kind kind, String value) {
        String trimmed = value.strip();
        return switch (kind) {
            case EMAIL, USERNAME -> trimmed.toLowerCase(Locale.ROOT);
            case PHONE -> trimmed.replaceAll("[^0-9+]", "");
        };
    }

    @Override
    public String toString() {
        return "Identifier[" + kind + "]";
    }
}
