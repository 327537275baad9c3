package dev.steward.newsletter;

import dev.steward.vault.Pseudonyms;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The token in a message's unsubscribe link: its message id and a keyed MAC of it, so the link needs no row of its own
 * and cannot be guessed or made up for someone else's message. It authenticates the one-click POST, which carries no
 * cookie and no login (RFC 8058).
 */
@Component
class UnsubscribeTokens {

    private static final String DOMAIN = "newsletter-unsubscribe";
    private static final int MAC = 16;

    /** The length of every token: the id and the MAC in unpadded base64url. */
    static final int LENGTH = (4 * (16 + MAC) + 2) / 3;

    private final Pseudonyms keyed;

    UnsubscribeTokens(Pseudonyms keyed) {
        this.keyed = keyed;
    }

    String of(UUID message) {
        ByteBuffer token = ByteBuffer.allocate(16 + MAC);
        token.putLong(message.getMostSignificantBits()).putLong(message.getLeastSignificantBits());
        token.put(mac(message));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** The message whose token this is; empty for anything else. */
    Optional<UUID> message(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != 16 + MAC) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        UUID message = new UUID(buffer.getLong(), buffer.getLong());
        // the token as made, not only its bytes: the last character's unused bits would otherwise give each token
        // four spellings, which looks like a tampered link being honoured
        return MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.US_ASCII), of(message).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(message)
                : Optional.empty();
    }

    private byte[] mac(UUID message) {
        return Arrays.copyOf(keyed.of(DOMAIN, message.toString()), MAC);
    }
}
