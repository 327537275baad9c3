package dev.steward.vault;

import dev.steward.platform.NotFoundException;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff API over the evidence chains: start a verification of them (it runs in the background; follow its address),
 * read verifications, or sign the chains' heads now. A verification reads every row of every chain, minutes on a large
 * ledger, so no call here verifies while it answers.
 */
@RestController
class EvidenceController {

    static final String VERIFICATIONS = "/api/v1/admin/ledger/verifications";

    private final ChainCheckpoints checkpoints;
    private final EvidenceVerifications verifications;
    private final CurrentCaller caller;

    EvidenceController(ChainCheckpoints checkpoints, EvidenceVerifications verifications, CurrentCaller caller) {
        this.checkpoints = checkpoints;
        this.verifications = verifications;
        this.caller = caller;
    }

    @Operation(
            summary = "Start a verification of the evidence chains",
            description =
                    "Starts recomputing every hash chain (consent ledger, audit trail, erasure log, disclosures, deletion certificates) row by row and checking it against its head and its signed checkpoints, in the background. Answers 202 with the verification and its address (Location) to follow: `rowsChecked` of `rowsTotal` while it runs, then per chain intact or the first broken row. While this node runs a verification it answers that one instead of starting another.")
    @PostMapping(VERIFICATIONS)
    @Requires(value = Permission.VERIFY_EVIDENCE, readByPost = true)
    @ResponseStatus(HttpStatus.ACCEPTED)
    EvidenceVerification start(HttpServletResponse response) {
        EvidenceVerification verification =
                verifications.start("api", caller.get().name()).verification();
        response.setHeader(HttpHeaders.LOCATION, VERIFICATIONS + "/" + verification.id());
        return verification;
    }

    @Operation(
            summary = "List verifications of the evidence chains",
            description =
                    "The latest 20 verifications, newest first: who started them and when, their progress, and their results once done.")
    @GetMapping(VERIFICATIONS)
    @Requires(Permission.VERIFY_EVIDENCE)
    List<EvidenceVerification> list() {
        return verifications.recent(20);
    }

    @Operation(
            summary = "Read a verification of the evidence chains",
            description =
                    "One verification: `status` running, finished, failed (an error stopped it) or interrupted (its node stopped), `rowsChecked` of `rowsTotal`, and once finished `intact` with each chain's result, naming the first broken or missing row and what is wrong with it.")
    @GetMapping(VERIFICATIONS + "/{id}")
    @Requires(Permission.VERIFY_EVIDENCE)
    EvidenceVerification verification(@PathVariable UUID id) {
        return verifications.find(id).orElseThrow(() -> new NotFoundException("There is no verification " + id + "."));
    }

    @Operation(
            summary = "Sign the chains' heads now",
            description =
                    "Signs the current head of every evidence chain not signed at its head yet, so that a later change to what came before is detectable offline; answers the heads it signed.")
    @PostMapping("/api/v1/admin/ledger/checkpoints")
    @Requires(Permission.SIGN_CHECKPOINTS)
    Signed checkpoint() {
        return new Signed(checkpoints.signHeads().stream()
                .map(head -> new Head(head.chain(), head.seq()))
                .toList());
    }

    record Signed(List<Head> signed) {}

    record Head(String chain, long seq) {}
}
