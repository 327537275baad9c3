package dev.steward.newsletter;

import dev.steward.vault.Addressees.Addressee;
import org.jspecify.annotations.Nullable;

/** What may happen to one message, decided just before it would go. */
sealed interface Verdict {

    /** It goes to the address; tracked when it has a pseudonym. */
    record Send(Addressee addressee, @Nullable String pseudonym) implements Verdict {}

    /** The person may not receive it; the reason is a stable code. */
    record Skip(String reason) implements Verdict {}

    /** Operational mail kept back while a restriction of processing applies. */
    record Hold() implements Verdict {}
}
