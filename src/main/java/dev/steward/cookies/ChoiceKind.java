package dev.steward.cookies;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which button the visitor pressed. */
enum ChoiceKind {
    ACCEPT_ALL,
    REJECT_ALL,
    /** Saved their own choice per category. */
    CUSTOM,
    /** "Do not sell or share my personal information": off what sells or shares it, the rest as it was. */
    DO_NOT_SELL;

    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<ChoiceKind> of(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key().equals(key)).findFirst();
    }
}
