package dev.steward.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * A site, its regions, purposes, fields and grounds by the names its catalog gives them, in the site's own language
 * as the console shows every catalog name, for the console pages that showed their keys ("olympus-ims (EU)").
 * Templates call it as {@code @siteNames}.
 */
@Component
public class SiteNames {

    /** A site to choose in a filter: the key the form sends, the name the member reads. */
    public record Choice(String key, String name) {}

    private final Catalogs catalogs;

    SiteNames(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** The site's name; the key itself for a site the catalog no longer declares (its records outlive it). */
    public String of(String site) {
        return catalogs.site(site).map(SiteNames::name).orElse(site);
    }

    /** The jurisdiction's name in the site's language; the key where either is no longer declared. */
    public String region(String site, String jurisdiction) {
        return catalogs.site(site)
                .flatMap(declared -> catalogs.of(site)
                        .jurisdiction(jurisdiction)
                        .map(found -> found.name().in(declared.language())))
                .orElse(jurisdiction);
    }

    /** A purpose of the site by its name in the site's language; its key where no longer declared. */
    public String purpose(String site, String purpose) {
        return named(site, catalog -> catalog.purpose(purpose).map(Purpose::name), purpose);
    }

    /** A field by its label in the site's language ("E-mail" for {@code email}); its key where no longer declared. */
    public String field(String site, String field) {
        return named(site, catalog -> catalog.field(field).map(DataCategory.Field::label), field);
    }

    /**
     * A ground of a right (erasure, restriction) by its words in the first of the site's jurisdictions that declares
     * it; its key where none does (a restriction placed by staff names its own).
     */
    public String ground(String site, String ground) {
        return named(
                site,
                catalog -> catalogs.site(site).stream()
                        .flatMap(declared -> catalog.jurisdictionsOf(declared).stream())
                        .flatMap(jurisdiction -> jurisdiction.rights().stream())
                        .flatMap(right -> right.grounds().stream())
                        .filter(declared -> declared.key().equals(ground))
                        .map(Jurisdiction.Ground::text)
                        .findFirst(),
                ground);
    }

    private String named(String site, Function<Catalog, Optional<LocalizedText>> name, String key) {
        return catalogs.site(site)
                .flatMap(declared -> name.apply(catalogs.of(site)).map(found -> found.in(declared.language())))
                .orElse(key);
    }

    /** The sites a member may see, by name, in the catalog's order. */
    public List<Choice> choices(Predicate<String> maySee) {
        return catalogs.sites().stream()
                .filter(site -> maySee.test(site.key()))
                .map(site -> new Choice(site.key(), name(site)))
                .toList();
    }

    private static String name(Site site) {
        return site.name().in(site.language());
    }
}
