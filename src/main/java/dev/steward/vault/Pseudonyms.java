package dev.steward.vault;

import com.google.crypto.tink.prf.Prf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes for personal values kept outside the vault only to be matched, never read back (the request log's
 * IP addresses during a visit). The key is one of Steward's own, wrapped by the master key; without it a hash of an
 * IPv4 address cannot be turned back by trying all four billion. Each domain hashes apart from every other, so a
 * pseudonym of one use cannot be matched against another's. Being a MAC under a key only Steward holds, it also signs
 * what Steward hands out and must recognise unforged (the accounts' device cookies).
 */
@Component
public class Pseudonyms {

    static final String KEY_NAME = "pseudonym-hmac-sha256";

    private final Prf prf;

    Pseudonyms(NamedKeys keys) throws GeneralSecurityException {
        this.prf = keys.hmac(KEY_NAME);
    }

    /** A 32-byte pseudonym of the value within the domain (such as {@code "request-log-ip"}). */
    public byte[] of(String domain, String value) {
        try {
            return prf.compute((domain + "\n" + value).getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
