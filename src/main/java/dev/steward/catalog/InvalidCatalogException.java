package dev.steward.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog that cannot be used, with every problem found in it. */
public class InvalidCatalogException extends RuntimeException {

    private final transient List<CatalogProblem> problems;

    public InvalidCatalogException(List<CatalogProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }

    private static String describe(List<CatalogProblem> problems) {
        return "The catalog has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n"));
    }
}
