package dev.steward.mail;

import dev.steward.vault.SubjectId;
import dev.steward.vault.SystemSeal;
import dev.steward.vault.Vault;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Seals envelopes under their subject's key, bound to the message id, and opens them again while the key lives. */
@Component
class Envelopes {

    private final Vault vault;
    private final SystemSeal system;
    private final JsonMapper json;

    Envelopes(Vault vault, SystemSeal system, JsonMapper json) {
        this.vault = vault;
        this.system = system;
        this.json = json;
    }

    byte[] seal(UUID message, SubjectId subject, @Nullable String category, Envelope envelope) {
        byte[] plain = json.writeValueAsBytes(envelope);
        return systemSealed(category)
                ? system.seal(plain, context(message))
                : vault.seal(subject, plain, context(message));
    }

    /** Mail that outlives its subject's key, or has no subject: sealed with Steward's own key. */
    private static boolean systemSealed(@Nullable String category) {
        return OutgoingMail.AFTER_ERASURE.equals(category) || OutgoingMail.STAFF.equals(category);
    }

    /** Empty when the message keeps no envelope (it was dropped) or its subject was erased. */
    Optional<Envelope> open(OutboxMessage message) {
        if (message.envelope() == null) {
            return Optional.empty();
        }
        Optional<byte[]> plain = systemSealed(message.category())
                ? system.open(message.envelope(), context(message.id()))
                : vault.open(message.subject(), message.envelope(), context(message.id()));
        return plain.map(bytes -> json.readValue(bytes, Envelope.class));
    }

    private static String context(UUID message) {
        return "mail:" + message;
    }
}
