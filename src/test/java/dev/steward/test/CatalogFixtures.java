package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.catalog.CatalogProblem;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.InvalidCatalogException;
import java.util.List;

/**
 * The catalogs under {@code src/test/resources/catalogs}: a small valid one, and invalid ones each derived from it
 * with one mistake, or with several at once.
 */
public final class CatalogFixtures {

    public static final String VALID = "src/test/resources/catalogs/valid/catalog.yml";
    public static final String INVALID = "src/test/resources/catalogs/invalid/";
    public static final String SEVERAL_PROBLEMS = INVALID + "several-problems.yml";

    private CatalogFixtures() {}

    /** Every problem validation finds in the catalog, which must be invalid. */
    public static List<CatalogProblem> problemsOf(String location) {
        InvalidCatalogException invalid =
                catchThrowableOfType(InvalidCatalogException.class, () -> Catalogs.read(location));
        assertThat(invalid).as("%s is invalid", location).isNotNull();
        return invalid.problems();
    }
}
