package dev.steward.catalog;

import java.util.Comparator;

/** One thing wrong with a catalog, at the place in the source where it is wrong. */
public record CatalogProblem(String file, int line, int column, String message) implements Comparable<CatalogProblem> {

    private static final Comparator<CatalogProblem> ORDER = Comparator.comparing(CatalogProblem::file)
            .thenComparingInt(CatalogProblem::line)
            .thenComparingInt(CatalogProblem::column)
            .thenComparing(CatalogProblem::message);

    @Override
    public int compareTo(CatalogProblem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
