package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.Durations;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.Phrase;
import dev.steward.platform.ShownError;
import dev.steward.platform.UnusableLinkException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every account page shows: the site, its account policy, and the errors of a refused form by field. */
@Component
class AccountPageModel {

    private final Catalogs catalogs;
    private final Durations durations;
    private final AccountWords words;

    AccountPageModel(Catalogs catalogs, Durations durations, AccountWords words) {
        this.catalogs = catalogs;
        this.durations = durations;
        this.words = words;
    }

    Site site(String site) {
        return catalogs.requireSite(site);
    }

    Site addTo(Model model, String site) {
        Site found = site(site);
        model.addAttribute("site", found);
        model.addAttribute("siteName", found.name().in(VisitorLanguages.of(found)));
        model.addAttribute("minPasswordLength", Accounts.MIN_PASSWORD_LENGTH);
        model.addAttribute("policy", AccountPolicy.of(found));
        model.addAttribute("durations", durations);
        // the visitor's region, whose clock the page's times are read on
        model.addAttribute("region", words.region(site));
        if (!model.containsAttribute("errors")) {
            errors(model, List.of());
        }
        return found;
    }

    /** A link of the site's account mails that cannot act (see {@link EmailLinks}), with what to do instead. */
    UnusableLinkException unusableLink(
            String site, EmailLinks.Reason reason, Phrase detail, String nextHref, Phrase nextLabel) {
        Site declared = site(site);
        return new UnusableLinkException(new UnusableLinkException.Page(
                reason, site, declared.name().in(declared.language()), detail, nextHref, nextLabel));
    }

    static void errors(Model model, List<ShownError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field() == null ? "" : error.field(), error.message()));
        model.addAttribute("errors", errors);
        model.addAttribute("errorOf", byField);
    }
}
