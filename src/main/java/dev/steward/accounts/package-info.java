/**
 * The accounts module: visitors' accounts: registration (Accounts), sign-in and lockout, re-authentication, password reset, "My privacy".
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"catalog", "consent", "mail", "notice", "platform", "vault"})
@NullMarked
package dev.steward.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
