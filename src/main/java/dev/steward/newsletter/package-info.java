/**
 * The newsletter module: lists from the catalog's double opt-in purposes, campaigns, operational mail, one-click
 * unsubscribe (RFC 8058), pseudonymous tracking that turns anonymous on unsubscribe or erasure, bounces.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"catalog", "consent", "mail", "platform", "staff", "vault"})
@NullMarked
package dev.steward.newsletter;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
