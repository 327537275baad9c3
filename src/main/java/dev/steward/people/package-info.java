/**
 * The console around the person: staff find a data subject by an identifier (through its blind index, audited,
 * within their sites) and see on one page their identifiers, records, consents, disclosures, rights requests, mails,
 * legal holds and retention plan, with the actions that start from there.
 *
 * <p>Its allowed dependencies are the modules its code uses today; {@code ModularityTest} fails on any other.
 */
@ApplicationModule(
        allowedDependencies = {
            "audit",
            "catalog",
            "consent",
            "disclosures",
            "mail",
            "platform",
            "retention",
            "rights",
            "staff",
            "vault"
        })
@NullMarked
package dev.steward.people;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
