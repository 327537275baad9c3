/**
 * The mail module: the outbox, SMTP delivery with retries, the dev mailbox, holds on mail (MailHold).
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"audit", "catalog", "consent", "platform", "staff", "vault"})
@NullMarked
package dev.steward.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
