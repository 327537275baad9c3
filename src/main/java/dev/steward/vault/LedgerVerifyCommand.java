package dev.steward.vault;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.HashChain;
import dev.steward.platform.Progress;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;

/**
 * {@code ledger verify}: checks every evidence chain link by link, its last row against its head, and against its
 * signed checkpoints; exits 0 when all are intact and 1 naming the chain and the first broken or missing row otherwise.
 */
@Command(
        name = "verify",
        description = {
            "Verify every evidence chain (consent ledger, audit trail, erasure log, disclosures, deletion"
                    + " certificates), showing progress: exit 0 when all are intact, 1 naming the first broken row."
        })
class LedgerVerifyCommand extends CliCommand {

    private final ObjectProvider<ChainCheckpoints> checkpoints;

    LedgerVerifyCommand(ObjectProvider<ChainCheckpoints> checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public Integer call() {
        ChainCheckpoints chains = checkpoints.getObject();
        List<HashChain.Verification> results;
        try (Progress progress = progress("ledger verify", chains.rowsToVerify(), "rows")) {
            results = chains.verifyAll(progress::advance);
        }
        results.forEach(result -> (result.intact() ? out() : err()).println(result.describe()));
        return results.stream().allMatch(HashChain.Verification::intact) ? CommandLine.OK : CommandLine.PROBLEMS_FOUND;
    }
}
