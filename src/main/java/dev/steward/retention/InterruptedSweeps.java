package dev.steward.retention;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, certifies the sweeps that died with this node (or any other) before certifying what they erased, so that
 * no erasure waits for the next sweep to be covered. Runs after the erasure log is reconciled.
 */
@Component
@Profile("!cli")
@Order(1)
class InterruptedSweeps implements ApplicationRunner {

    private final DeletionCertificates certificates;

    InterruptedSweeps(DeletionCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        certificates.certifyInterrupted();
    }
}
