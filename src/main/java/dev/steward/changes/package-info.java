/**
 * The notice-changes module: telling the people a material change of a site's notice concerns, by operational mail,
 * and asking them to consent again where a consent they gave changed in scope or wording (seed 001 §6, seed 002).
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(
        allowedDependencies = {"catalog", "consent", "mail", "notice", "platform", "rights", "staff", "vault"})
@NullMarked
package dev.steward.changes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
