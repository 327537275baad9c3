package dev.steward.mail;

import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Seals envelopes under their subject's key, bound to the message id, and opens them again while the key lives. */
@Component
class Envelopes {

    private final Vault vault;
    private final JsonMapper json;

    Envelopes(Vault vault, JsonMapper json) {
        this.vault = vault;
        this.json = json;
    }

    byte[] seal(UUID message, SubjectId subject, Envelope envelope) {
        return vault.seal(subject, json.writeValueAsBytes(envelope), context(message));
    }

    /** Empty when the message keeps no envelope (it was dropped) or its subject was erased. */
    Optional<Envelope> open(OutboxMessage message) {
        if (message.envelope() == null) {
            return Optional.empty();
        }
        return vault.open(message.subject(), message.envelope(), context(message.id()))
                .map(bytes -> json.readValue(bytes, Envelope.class));
    }

    private static String context(UUID message) {
        return "mail:" + message;
    }
}
