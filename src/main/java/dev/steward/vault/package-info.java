/**
 * The vault module: data subjects, encryption per subject, blind index, records, erasure and its tombstones, key rotation, signatures.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"audit", "catalog", "platform", "staff"})
@NullMarked
package dev.steward.vault;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
