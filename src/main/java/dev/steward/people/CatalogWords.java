package dev.steward.people;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Site;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The catalog's names for what the person view lists, in the site's default language: staff read the words the
 * notice uses, never a catalog key. A key the catalog no longer knows (an earlier edition's) is shown as it is.
 */
@Component
class CatalogWords {

    private final Catalogs catalogs;

    CatalogWords(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    String site(String site) {
        return catalogs.site(site).map(s -> s.name().in(s.language())).orElse(site);
    }

    String activity(String site, String activity) {
        return named(site, catalog -> catalog.activity(activity).map(a -> a.name()), activity);
    }

    String purpose(String site, @Nullable String purpose) {
        if (purpose == null) {
            return "";
        }
        return named(site, catalog -> catalog.purpose(purpose).map(p -> p.name()), purpose);
    }

    String recipient(String site, String recipient) {
        return named(site, catalog -> catalog.recipient(recipient).map(r -> r.name()), recipient);
    }

    String retentionRule(String site, String rule) {
        return named(site, catalog -> catalog.retentionRule(rule).map(r -> r.description()), rule);
    }

    private String named(String site, Function<Catalog, Optional<LocalizedText>> lookup, String key) {
        Optional<Site> known = catalogs.site(site);
        return known.flatMap(s -> lookup.apply(catalogs.of(site)).map(text -> text.in(s.language())))
                .orElse(key);
    }
}
