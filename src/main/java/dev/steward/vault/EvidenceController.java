package dev.steward.vault;

import dev.steward.platform.HashChain;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff API over the evidence chains: verify them, or sign their heads now. */
@RestController
class EvidenceController {

    private final ChainCheckpoints checkpoints;

    EvidenceController(ChainCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Operation(
            summary = "Verify the evidence chains",
            description =
                    "Recomputes every hash chain (consent ledger, audit trail, erasure log, disclosures, deletion certificates) and checks the signed checkpoints; names the first broken row.")
    @GetMapping("/api/v1/admin/ledger/verify")
    @Requires(Permission.VERIFY_EVIDENCE)
    Report verify() {
        List<Result> results = checkpoints.verifyAll().stream().map(Result::of).toList();
        return new Report(results.stream().allMatch(Result::intact), results);
    }

    @Operation(
            summary = "Sign the chains' heads now",
            description =
                    "Signs the current head of every evidence chain, so that a later change to what came before is detectable offline.")
    @PostMapping("/api/v1/admin/ledger/checkpoints")
    @Requires(Permission.SIGN_CHECKPOINTS)
    Report checkpoint() {
        checkpoints.signHeads();
        List<Result> results = checkpoints.verifyAll().stream().map(Result::of).toList();
        return new Report(results.stream().allMatch(Result::intact), results);
    }

    record Report(boolean intact, List<Result> chains) {}

    record Result(String chain, boolean intact, long rows, Long brokenAt, String problem, String summary) {
        static Result of(HashChain.Verification verification) {
            return new Result(
                    verification.chain(),
                    verification.intact(),
                    verification.rows(),
                    verification.brokenAt(),
                    verification.problem(),
                    verification.describe());
        }
    }
}
