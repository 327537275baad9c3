/**
 * The retention module: due times from catalog rules and events, the sweep, deletion certificates, legal holds, what blocks erasure.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(
        allowedDependencies = {"accounts", "audit", "catalog", "consent", "inquiries", "platform", "staff", "vault"})
@NullMarked
package dev.steward.retention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
