package dev.steward.vault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, before anyone is served, the erasure log outside the database is replayed: a database restored
 * from an old backup must not bring an erased person back even for a moment.
 */
@Component
@Profile("!cli")
@Order(0)
class ErasureReconciler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ErasureReconciler.class);

    private final ErasureReplay replay;
    private final ErasureLogFile file;

    ErasureReconciler(ErasureReplay replay, ErasureLogFile file) {
        this.replay = replay;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        ErasureReplay.Outcome outcome = replay.replay(file.path(), log::info);
        if (outcome.replayed() > 0) {
            log.warn(
                    "The database lacked {} erasures (was it restored from a backup?): they were applied again,"
                            + " erasing {} subjects and {} records",
                    outcome.replayed(),
                    outcome.subjectsErasedAgain(),
                    outcome.recordsErasedAgain());
        }
    }
}
