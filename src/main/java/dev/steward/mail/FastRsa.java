package dev.steward.mail;

import java.security.Provider;
import org.conscrypt.Conscrypt;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA that signs DKIM: BoringSSL's through Conscrypt ({@code org.conscrypt:conscrypt-openjdk-uber}, which ships
 * its native library for Linux, macOS and Windows on x86-64) when it loads, else the JDK's. On the bench machine the
 * JDK 17's RSA-2048 signature costs about 0.7 ms, half of what signing a campaign message cost (bench/README.md,
 * "dkim2"), and BoringSSL's a third of that. The provider is used for this signature only: it is not installed in the
 * JVM's list, so TLS and everything else keep the JDK's.
 */
final class FastRsa {

    private static final Logger log = LoggerFactory.getLogger(FastRsa.class);

    private FastRsa() {}

    /** Conscrypt's provider, or none (the JDK's) where its native library does not load, e.g. on another CPU. */
    static @Nullable Provider provider() {
        try {
            if (Conscrypt.isAvailable()) {
                return Conscrypt.newProvider();
            }
            log.info("DKIM: Conscrypt's native library is not available here; signing with the JDK's RSA");
        } catch (LinkageError | RuntimeException e) {
            log.info(
                    "DKIM: Conscrypt did not load ({}); signing with the JDK's RSA",
                    e.getClass().getSimpleName());
        }
        return null;
    }
}
