package dev.steward.vault;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import dev.steward.platform.HashChain;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ledger verify}: checks every evidence chain link by link, its last row against its head, and against its
 * signed checkpoints; exits 0 when all are intact and 1 naming the chain and the first broken or missing row otherwise.
 */
@Command(
        name = "ledger verify",
        usage =
                "ledger verify   verify every evidence chain (consent ledger, audit trail, erasure log, disclosures, …)")
class LedgerVerifyCommand implements CliCommand {

    private final ChainCheckpoints checkpoints;

    LedgerVerifyCommand(ChainCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (!arguments.isEmpty()) {
            err.println("Usage: java -jar steward.jar ledger verify");
            return 2;
        }
        List<HashChain.Verification> results = checkpoints.verifyAll();
        results.forEach(result -> (result.intact() ? out : err).println(result.describe()));
        return results.stream().allMatch(HashChain.Verification::intact) ? 0 : 1;
    }
}
