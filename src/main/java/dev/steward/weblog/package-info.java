/**
 * The weblog module: the request log with session-bound IP hashes, its user-agent parser, aggregate statistics with k-suppression.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"catalog", "platform", "retention", "staff", "vault"})
@NullMarked
package dev.steward.weblog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
