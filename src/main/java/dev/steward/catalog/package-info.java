/**
 * The catalog module: the catalog model, its YAML binder and validator, /api/v1/sites.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package dev.steward.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
