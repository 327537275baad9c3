/**
 * The disclosures module: the hash-chained log of every disclosure of a subject's data to a recipient, and each subject's recipients (GDPR Art. 19).
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"audit", "catalog", "platform", "staff", "vault"})
@NullMarked
package dev.steward.disclosures;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
