/**
 * The cookies module: the consent banner a site embeds ({@code /s/{site}/consent.js}), generated from the catalog's
 * cookies and banner texts, the choices it records in the consent ledger, GPC and Consent Mode.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"accounts", "catalog", "consent", "notice", "platform", "staff", "vault"})
@NullMarked
package dev.steward.cookies;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
