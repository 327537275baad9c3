package dev.steward.vault;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Signs what Steward vouches for (consent receipts, checkpoints of its hash chains) as JWS with an Ed25519 key. The
 * public key is published at {@code /.well-known/jwks.json}, so anyone can verify offline with any JOSE library.
 */
@Service
public class Signatures {

    static final String KEY_NAME = "signing-ed25519";

    private final OctetKeyPair key;
    private final Ed25519Signer signer;

    Signatures(NamedKeys keys) throws ParseException, JOSEException {
        byte[] jwk = keys.get(KEY_NAME, Signatures::generate);
        this.key = OctetKeyPair.parse(new String(jwk, StandardCharsets.UTF_8));
        this.signer = new Ed25519Signer(key);
    }

    /** A compact JWS over the claims, typed so that a receipt cannot pass for a checkpoint. */
    public String sign(String type, Map<String, Object> claims) {
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                        .type(new JOSEObjectType(type))
                        .keyID(key.getKeyID())
                        .build(),
                new Payload(claims));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
        return jws.serialize();
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    private static byte[] generate() {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519)
                    .keyIDFromThumbprint(true)
                    .generate()
                    .toJSONString()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the signing key", e);
        }
    }
}
