package dev.steward.catalog;

import dev.steward.catalog.internal.CatalogLoader;
import dev.steward.platform.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogs Steward runs with, read once at start from {@code STEWARD_CATALOG}. Steward refuses to start on
 * an invalid catalog. Several catalogs (say, two companies) run side by side; each site belongs to exactly one.
 */
public class Catalogs {

    private final List<Catalog> catalogs;
    private final Map<String, Catalog> bySite;

    /** Reads the catalogs at the given locations; throws with every problem of every catalog if any is invalid. */
    public Catalogs(List<String> locations) {
        CatalogLoader loader = new CatalogLoader();
        List<CatalogProblem> problems = new ArrayList<>();
        List<Catalog> loaded = new ArrayList<>();
        for (String location : locations) {
            try {
                loaded.add(loader.load(location));
            } catch (InvalidCatalogException e) {
                problems.addAll(e.problems());
            }
        }
        this.catalogs = List.copyOf(loaded);
        this.bySite = new LinkedHashMap<>();
        for (Catalog catalog : loaded) {
            for (Site site : catalog.sites()) {
                Catalog other = bySite.putIfAbsent(site.key(), catalog);
                if (other != null) {
                    problems.add(new CatalogProblem(
                            catalog.source(), 1, 1, "site '" + site.key() + "' is also declared by " + other.source()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
    }

    /** Reads and validates one catalog without running it, as {@code catalog check} does. */
    public static Catalog read(String location) {
        return new CatalogLoader().load(location);
    }

    public List<Catalog> all() {
        return catalogs;
    }

    public List<Site> sites() {
        return catalogs.stream().flatMap(catalog -> catalog.sites().stream()).toList();
    }

    public Optional<Site> site(String key) {
        return Optional.ofNullable(bySite.get(key)).flatMap(catalog -> catalog.site(key));
    }

    /** The catalog that declares the site; unknown sites are a 404 for the caller. */
    public Catalog of(String site) {
        Catalog catalog = bySite.get(site);
        if (catalog == null) {
            throw new NotFoundException("There is no site '" + site + "'.");
        }
        return catalog;
    }

    public Site requireSite(String key) {
        return of(key).site(key).orElseThrow();
    }
}
