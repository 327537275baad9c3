package dev.steward.catalog.internal;

import dev.steward.catalog.CatalogProblem;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Where the binder's problems go, each placed at the node it is about. */
record YamlProblems(String file, List<CatalogProblem> problems) {

    void add(Node node, String message) {
        Location location = Location.of(file, node);
        problems.add(new CatalogProblem(file, location.line(), location.column(), message));
    }
}
