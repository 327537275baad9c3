package dev.steward.catalog.internal;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** A 1-based line and column in a catalog file. */
record Location(String file, int line, int column) {

    static Location of(String file, Node node) {
        return of(file, node.getStartMark());
    }

    static Location of(String file, Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
