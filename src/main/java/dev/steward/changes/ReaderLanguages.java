package dev.steward.changes;

import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.rights.RequesterLanguages;
import org.springframework.stereotype.Component;

/**
 * The language a person is written to about a change of the notice: the one they last read the site in when they
 * made a rights request there, while the site still declares it; else the site's default language. Steward keeps no
 * other language for a person: a form or a consent records none.
 */
@Component
class ReaderLanguages {

    private final RequesterLanguages requesters;

    ReaderLanguages(RequesterLanguages requesters) {
        this.requesters = requesters;
    }

    String language(String address, Site site) {
        return requesters
                .last(address, site.key())
                .filter(VisitorLanguages.declared(site)::contains)
                .orElse(site.language());
    }
}
