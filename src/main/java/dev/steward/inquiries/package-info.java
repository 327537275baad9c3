/**
 * The inquiries module: contact cases from form submissions, the inbox, replies by e-mail, assignment, closing (CaseClosed).
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(allowedDependencies = {"audit", "catalog", "intake", "mail", "platform", "staff", "vault"})
@NullMarked
package dev.steward.inquiries;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
