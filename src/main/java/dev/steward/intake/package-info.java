/**
 * The intake module: the catalog's forms as pages and JSON: one validation, age gate and parental consent, consent capture, double opt-in, connection data, rate limits and honeypot, routing, FormSubmitted.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(
        allowedDependencies = {"accounts", "catalog", "consent", "disclosures", "mail", "notice", "platform", "vault"})
@NullMarked
package dev.steward.intake;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
