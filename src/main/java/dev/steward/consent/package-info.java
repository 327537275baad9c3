/**
 * The consent module: the consent ledger, receipts, consent decisions and their in-memory index.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"audit", "catalog", "notice", "platform", "staff", "vault"})
@NullMarked
package dev.steward.consent;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
