package dev.steward.vault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A master key set holding more than one key is a rotation that did not finish ({@code keys rotate} was killed or
 * failed): everything still opens, but the old key is not destroyed, so backups taken before still open with this key
 * set. The operator ran the rotation to end that and was not told it did not, so every start says so until it is
 * finished.
 */
@Component
@Profile("!cli")
// before the start banner, which is what an operator reads
@Order(1)
class UnfinishedRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedRotation.class);

    private final MasterKey master;

    UnfinishedRotation(MasterKey master) {
        this.master = master;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (master.keyCount() > 1) {
            log.warn(
                    "The master key set holds {} keys: a key rotation was interrupted and the old key is not destroyed"
                            + " yet. Stop Steward on every node, run 'keys rotate' again to finish it, and copy the new"
                            + " key set to every node.",
                    master.keyCount());
        }
    }
}
