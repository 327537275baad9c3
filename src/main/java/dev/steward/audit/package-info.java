/**
 * The audit module: the hash-chained trail of staff access to personal data.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package dev.steward.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
