package dev.steward.catalog.internal;

import dev.steward.catalog.CatalogProblem;
import dev.steward.catalog.LocalizedText;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a composed YAML document onto the catalog's records, collecting every problem rather than stopping at
 * the first. The records themselves are the schema: their components are the allowed keys, components marked
 * {@link Nullable} may be left out, lists and maps default to empty and booleans to false. A type with a static
 * {@code parse(String)} method is read from a scalar through it; a record with a static {@code of(String)}
 * method may also be written as a plain scalar.
 */
final class YamlBinder {

    private final String file;
    private final SourceMap sources;
    private final YamlProblems problems;
    private final YamlScalars scalars;

    YamlBinder(String file, SourceMap sources, List<CatalogProblem> problems) {
        this.file = file;
        this.sources = sources;
        this.problems = new YamlProblems(file, problems);
        this.scalars = new YamlScalars(this.problems);
    }

    <T> @Nullable T bindRecord(Node node, Class<T> type) {
        Object value = bindValue(node, type, Words.of(type), new Object(), "");
        return type.isInstance(value) ? type.cast(value) : null;
    }

    private @Nullable Object bindValue(Node node, Type type, String name, Object owner, String path) {
        sources.put(owner, path, Location.of(file, node));
        Class<?> raw = rawClass(type);
        if (raw == List.class) {
            return bindList(node, typeArgument(type, 0), name, owner, path);
        }
        if (raw == Map.class) {
            return bindMap(node, typeArgument(type, 1), name, owner, path);
        }
        if (raw == LocalizedText.class) {
            return bindText(node, name);
        }
        boolean readAsScalar =
                YamlScalars.parser(raw) != null || (node instanceof ScalarNode && YamlScalars.shorthand(raw) != null);
        if (raw.isRecord() && !readAsScalar) {
            return bindRecordNode(node, raw, name);
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(node, "'" + name + "' must be " + Words.expected(raw) + ", not " + Words.shape(node));
            return null;
        }
        return scalars.read(scalar, raw, name);
    }

    private @Nullable Object bindText(Node node, String name) {
        if (node instanceof ScalarNode scalar) {
            return LocalizedText.of(scalar.getValue());
        }
        if (node instanceof MappingNode mapping) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (NodeTuple entry : entries(mapping)) {
                if (entry.getValueNode() instanceof ScalarNode value) {
                    texts.put(keyOf(entry), value.getValue());
                } else {
                    problems.add(
                            entry.getValueNode(), "the '" + keyOf(entry) + "' text of '" + name + "' must be text");
                }
            }
            return texts.isEmpty() ? null : new LocalizedText(texts);
        }
        problems.add(node, "'" + name + "' must be text, or a mapping from language to text, not a list");
        return null;
    }

    private List<Object> bindList(Node node, Type itemType, String name, Object owner, String path) {
        List<Object> items = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                addIfBound(items, bindValue(values.get(i), itemType, name, owner, path + "[" + i + "]"));
            }
        } else if (node instanceof ScalarNode && YamlScalars.acceptsScalar(rawClass(itemType))) {
            addIfBound(items, bindValue(node, itemType, name, owner, path + "[0]"));
        } else {
            problems.add(node, "'" + name + "' must be a list, not " + Words.shape(node));
        }
        return List.copyOf(items);
    }

    private static void addIfBound(List<Object> items, @Nullable Object item) {
        if (item != null) {
            items.add(item);
        }
    }

    private Map<String, Object> bindMap(Node node, Type valueType, String name, Object owner, String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, "'" + name + "' must be a mapping, not " + Words.shape(node));
            return map;
        }
        for (NodeTuple entry : entries(mapping)) {
            String key = keyOf(entry);
            Object value = bindValue(entry.getValueNode(), valueType, name, owner, path + "." + key);
            if (value != null) {
                map.put(key, value);
            }
        }
        return Map.copyOf(map);
    }

    private @Nullable Object bindRecordNode(Node node, Class<?> type, String name) {
        Method shorthand = YamlScalars.shorthand(type);
        if (!(node instanceof MappingNode mapping)) {
            String also = shorthand != null ? " or text" : "";
            problems.add(node, "'" + name + "' must be a mapping" + also + ", not " + Words.shape(node));
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, NodeTuple> given = new HashMap<>();
        for (NodeTuple entry : entries(mapping)) {
            String key = keyOf(entry);
            if (Arrays.stream(components)
                    .noneMatch(component -> component.getName().equals(key))) {
                problems.add(entry.getKeyNode(), unknownKey(key, type, components));
            } else {
                given.put(key, entry);
            }
        }
        Object[] values = new Object[components.length];
        Object placeholder = new Object();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            NodeTuple entry = given.get(component.getName());
            Object value = entry == null || isNull(entry.getValueNode())
                    ? absent(component, type, mapping)
                    : bindValue(
                            entry.getValueNode(),
                            component.getGenericType(),
                            component.getName(),
                            placeholder,
                            component.getName());
            // a value that failed to bind was reported; its default keeps a primitive component constructible
            values[i] = value != null ? value : defaultOf(component.getType());
        }
        Object bound = construct(type, components, values);
        sources.put(bound, "", Location.of(file, node));
        sources.adopt(placeholder, bound);
        return bound;
    }

    private @Nullable Object absent(RecordComponent component, Class<?> type, MappingNode mapping) {
        Object fallback = defaultOf(component.getType());
        if (fallback == null && !component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
            problems.add(
                    mapping,
                    Words.of(type) + describedBy(mapping) + " is missing required key '" + component.getName() + "'");
        }
        return fallback;
    }

    /** What a component left out means: no items, false, zero, or nothing. */
    private static @Nullable Object defaultOf(Class<?> type) {
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        return null;
    }

    private String describedBy(MappingNode mapping) {
        for (NodeTuple entry : mapping.getValue()) {
            if (("key".equals(keyOf(entry)) || "name".equals(keyOf(entry)))
                    && entry.getValueNode() instanceof ScalarNode scalar) {
                return " '" + scalar.getValue() + "'";
            }
        }
        return "";
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    private List<NodeTuple> entries(MappingNode mapping) {
        Map<String, Node> seen = new HashMap<>();
        List<NodeTuple> unique = new ArrayList<>();
        for (NodeTuple entry : mapping.getValue()) {
            String key = keyOf(entry);
            Node first = seen.putIfAbsent(key, entry.getKeyNode());
            if (first != null) {
                Location at = Location.of(file, first);
                problems.add(
                        entry.getKeyNode(),
                        "duplicate key '" + key + "' (first given at line " + at.line() + ", column " + at.column()
                                + ")");
            } else {
                unique.add(entry);
            }
        }
        return unique;
    }

    private static String keyOf(NodeTuple entry) {
        return entry.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String unknownKey(String key, Class<?> type, RecordComponent[] components) {
        String message = "unknown key '" + key + "' in " + Words.of(type);
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (RecordComponent component : components) {
            int distance = Words.distance(
                    key.toLowerCase(Locale.ROOT), component.getName().toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                closest = component.getName();
            }
        }
        if (closest != null && best <= Math.max(2, key.length() / 3)) {
            return message + "; did you mean '" + closest + "'?";
        }
        return message + "; allowed keys: "
                + Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(", "));
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return (Class<?>) type;
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }
}
