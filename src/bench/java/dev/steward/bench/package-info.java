/**
 * The bench module: the benchmark's data generator and baselines, built into steward-bench.jar and never into steward.jar.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"catalog", "consent", "disclosures", "notice", "platform", "rights", "vault"})
@NullMarked
package dev.steward.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
