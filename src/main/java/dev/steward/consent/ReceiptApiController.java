package dev.steward.consent;

import dev.steward.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed consent receipt itself ({@code application/jose}), to be verified against {@code /.well-known/jwks.json};
 * {@link ReceiptController} shows it to the person.
 */
@RestController
class ReceiptApiController {

    private static final MediaType JOSE = MediaType.parseMediaType("application/jose");

    private final ConsentLedger ledger;

    ReceiptApiController(ConsentLedger ledger) {
        this.ledger = ledger;
    }

    @Operation(
            summary = "Get a consent receipt",
            description =
                    "The signed consent receipt (a JWS, `application/jose`), verifiable offline against `/.well-known/jwks.json`. Its id is random; it names the person only by a random subject id.")
    @GetMapping("/api/v1/receipts/{id}")
    ResponseEntity<String> jws(@PathVariable UUID id) {
        String jws = ledger.receipt(id).orElseThrow(() -> new NotFoundException("There is no receipt " + id + "."));
        return ResponseEntity.ok().contentType(JOSE).body(jws);
    }
}
