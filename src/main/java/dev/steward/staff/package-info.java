/**
 * The staff module: staff accounts and their management, sign-in and sessions, API keys, the console's and the APIs' security, the console's front page (other modules add tiles through DashboardTiles).
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"audit", "catalog", "platform"})
@NullMarked
package dev.steward.staff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
