package dev.steward.vault;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public half of Steward's signing key, for verifying receipts and checkpoints offline. */
@RestController
class JwksController {

    private final Signatures signatures;

    JwksController(Signatures signatures) {
        this.signatures = signatures;
    }

    @Operation(
            summary = "Get the signing keys",
            description = "The public keys (JWK Set) that verify consent receipts and evidence checkpoints offline.")
    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(signatures.publicKeys().toJSONObject(true));
    }
}
