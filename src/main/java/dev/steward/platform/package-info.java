/**
 * The platform module: configuration, the embedded database, the clock, API error answers, the command line, hash chains, LISTEN/NOTIFY between nodes, cluster locks.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.steward.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
