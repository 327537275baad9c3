/**
 * The notice module: notices per region, the cookie policy, published versions and diffs, records of processing.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"catalog", "platform", "staff"})
@NullMarked
package dev.steward.notice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
