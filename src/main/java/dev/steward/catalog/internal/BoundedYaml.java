package dev.steward.catalog.internal;

import dev.steward.catalog.CatalogProblem;
import dev.steward.catalog.InvalidCatalogException;
import java.io.Reader;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One catalog file's YAML as nodes, within limits, so that a hostile or broken file (an alias bomb, thousands of
 * nested brackets, a file of gigabytes, an alias that contains itself) is one problem at its place and never a hang,
 * an exhausted heap or a stack overflow. A real catalog stays far below every limit.
 */
final class BoundedYaml {

    static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
    static final int MAX_DEPTH = 50;
    static final int MAX_ALIASES = 50;
    /** Nodes once every alias is expanded: what binding the file would walk and build. */
    static final long MAX_EXPANDED_NODES = 200_000;

    private BoundedYaml() {}

    /**
     * @return the document's root, empty for an empty file
     * @throws InvalidCatalogException with the one problem that stopped reading
     */
    static Optional<Node> compose(String file, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        StreamReader stream = new StreamReader(reader);
        Node root;
        try {
            root = new Composer(new ParserImpl(stream, options), new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            throw refused(file, e.getProblemMark(), "YAML syntax: " + e.getProblem() + hint(e.getProblem()));
        } catch (YAMLException e) {
            throw refused(file, stream.getMark(), beyondLimit(e));
        }
        if (root != null) {
            expandedSize(
                    file, root, new IdentityHashMap<>(), java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return Optional.ofNullable(root);
    }

    /**
     * What SnakeYAML's sentence means for the most common slip, a line indented unlike its neighbours, which it words
     * in its parser's terms ("expected <block end>, but found '<block mapping start>'").
     */
    private static String hint(@Nullable String problem) {
        return problem != null && problem.startsWith("expected <block end>")
                ? ": this line is indented differently from the lines before it in the same list or map"
                : "";
    }

    /** SnakeYAML's limits say what was exceeded but not why it matters or what to do. */
    private static String beyondLimit(YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("aliases")) {
            return "more than " + MAX_ALIASES + " aliases to lists or maps; a catalog needs few (an alias bomb is"
                    + " refused here)";
        }
        if (message.contains("Nesting Depth")) {
            return "nested more than " + MAX_DEPTH + " levels deep";
        }
        if (message.contains("exceeds the limit")) {
            return "the file is larger than " + MAX_CODE_POINTS / (1024 * 1024) + " MB of text; a catalog file is far"
                    + " smaller";
        }
        return "YAML: " + message;
    }

    private static long expandedSize(String file, Node node, Map<Node, Long> sizes, Set<Node> enclosing) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        if (!enclosing.add(node)) {
            throw refused(file, node.getStartMark(), "an alias refers to a list or map that contains it");
        }
        long size = 1;
        for (Node child : children(node).toList()) {
            size += expandedSize(file, child, sizes, enclosing);
            if (size > MAX_EXPANDED_NODES) {
                throw refused(
                        file,
                        node.getStartMark(),
                        "its aliases expand to more than " + MAX_EXPANDED_NODES + " values; a catalog needs far"
                                + " fewer (an alias bomb is refused here)");
            }
        }
        enclosing.remove(node);
        sizes.put(node, size);
        return size;
    }

    private static Stream<Node> children(Node node) {
        if (node instanceof MappingNode mapping) {
            return mapping.getValue().stream().flatMap(tuple -> Stream.of(tuple.getKeyNode(), tuple.getValueNode()));
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream();
        }
        return Stream.empty();
    }

    private static InvalidCatalogException refused(String file, Mark mark, String message) {
        Location at = Location.of(file, mark);
        return new InvalidCatalogException(List.of(new CatalogProblem(file, at.line(), at.column(), message)));
    }
}
