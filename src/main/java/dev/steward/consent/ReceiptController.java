package dev.steward.consent;

import com.nimbusds.jose.JWSObject;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A consent receipt: {@code /receipts/{id}} shows it to the person; {@code /api/v1/receipts/{id}} serves the signed JWS
 * itself ({@code application/jose}), to be verified against {@code /.well-known/jwks.json}. The id is random and
 * unguessable, and the receipt names the person only by their random subject id.
 */
@Controller
class ReceiptController {

    private final ConsentLedger ledger;
    private final Catalogs catalogs;

    ReceiptController(ConsentLedger ledger, Catalogs catalogs) {
        this.ledger = ledger;
        this.catalogs = catalogs;
    }

    @Operation(
            summary = "Get a consent receipt",
            description =
                    "The signed consent receipt (a JWS, `application/jose`), verifiable offline against `/.well-known/jwks.json`. Its id is random; it names the person only by a random subject id.")
    @ResponseBody
    @GetMapping("/api/v1/receipts/{id}")
    ResponseEntity<String> jws(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jose"))
                .body(receipt(id));
    }

    @GetMapping("/receipts/{id}")
    String page(@PathVariable UUID id, Model model) throws ParseException {
        String jws = receipt(id);
        model.addAttribute("id", id);
        model.addAttribute("jws", jws);
        Map<String, Object> claims = JWSObject.parse(jws).getPayload().toJSONObject();
        model.addAttribute("claims", claims);
        Site site = siteOf(claims);
        model.addAttribute("site", site);
        model.addAttribute("siteName", site.name().in(VisitorLanguages.of(site)));
        model.addAttribute("at", Instant.parse((String) claims.get("eventTime")));
        return "consent/receipt";
    }

    /** The site a receipt belongs to, named by the notice it links ({@code .../s/{site}/privacy/v/...}). */
    private Site siteOf(Map<String, Object> claims) {
        String path = URI.create((String) claims.get("policyUrl")).getPath();
        return catalogs.requireSite(path.split("/")[2]);
    }

    private String receipt(UUID id) {
        return ledger.receipt(id).orElseThrow(() -> new NotFoundException("There is no receipt " + id + "."));
    }
}
