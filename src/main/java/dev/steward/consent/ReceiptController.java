package dev.steward.consent;

import com.nimbusds.jose.JWSObject;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A consent receipt shown to the person at {@code /receipts/{id}}; {@link ReceiptApiController} serves the signed JWS
 * itself. The id is random and unguessable, and the receipt names the person only by their random subject id.
 */
@Controller
class ReceiptController {

    private final ConsentLedger ledger;
    private final Catalogs catalogs;

    ReceiptController(ConsentLedger ledger, Catalogs catalogs) {
        this.ledger = ledger;
        this.catalogs = catalogs;
    }

    @GetMapping("/receipts/{id}")
    String page(@PathVariable UUID id, Model model, HttpServletRequest request) throws ParseException {
        String jws = receipt(id);
        model.addAttribute("id", id);
        model.addAttribute("jws", jws);
        Map<String, Object> claims = JWSObject.parse(jws).getPayload().toJSONObject();
        model.addAttribute("claims", claims);
        Site site = siteOf(claims);
        VisitorLanguages.pageOf(request, site);
        model.addAttribute("site", site);
        model.addAttribute("siteName", site.name().in(VisitorLanguages.of(site)));
        model.addAttribute("at", Instant.parse((String) claims.get("eventTime")));
        model.addAttribute("withdrawal", withoutAddress((String) claims.get("withdrawalMethod")));
        // a choice in the cookie banner is withdrawn in the banner ("Cookie settings" on the site's pages, as its words
        // say): the privacy center knows the person by an e-mail address, the banner's choice only by a pseudonym
        model.addAttribute(
                "privacyCenter",
                CollectionMethod.BANNER.key().equals(claims.get("collectionMethod"))
                        ? null
                        : "/s/" + site.key() + "/privacy-center");
        return "consent/receipt";
    }

    /**
     * The way to withdraw without the privacy center's address the receipt ends it with: the page links the center
     * instead, where the address was text to copy. The site's own address, not the receipt's: a receipt keeps the
     * public address Steward had when it was issued.
     */
    static String withoutAddress(String withdrawal) {
        int space = withdrawal.lastIndexOf(' ');
        return space > 0 && withdrawal.startsWith("http", space + 1) ? withdrawal.substring(0, space) : withdrawal;
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
