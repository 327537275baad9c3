/**
 * The rights module: the privacy center, rights requests with verification and deadlines, their fulfilment, restrictions (holding consent, mail and disclosures), telling recipients by signed webhook or staff task.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(
        allowedDependencies = {
            "accounts",
            "audit",
            "catalog",
            "consent",
            "disclosures",
            "intake",
            "mail",
            "newsletter",
            "notice",
            "platform",
            "staff",
            "vault"
        })
@NullMarked
package dev.steward.rights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
