package dev.steward.catalog.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one scalar into the type a record component asks for: text, numbers, booleans, dates, enums by their
 * kebab-case names, and any type with a static {@code parse(String)} (or, for records, {@code of(String)}).
 */
final class YamlScalars {

    private final YamlProblems problems;

    YamlScalars(YamlProblems problems) {
        this.problems = problems;
    }

    @Nullable
    Object read(ScalarNode node, Class<?> type, String name) {
        String text = node.getValue();
        try {
            if (type == String.class) {
                return text;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.valueOf(text.trim());
            }
            if (type == boolean.class || type == Boolean.class) {
                return bool(text);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(text.trim());
            }
            if (type.isEnum()) {
                return enumConstant(type, text, node);
            }
            Method factory = parser(type) != null ? parser(type) : shorthand(type);
            if (factory != null) {
                return factory.invoke(null, text);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            problems.add(node, "'" + name + "' must be " + Words.expected(type) + ", found '" + text + "'");
            return null;
        } catch (InvocationTargetException e) {
            problems.add(node, "'" + name + "': " + e.getCause().getMessage());
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("The catalog schema uses " + type + ", which the binder cannot read");
    }

    /** Whether a value of this type may be written as a plain scalar (a list of one may then be too). */
    static boolean acceptsScalar(Class<?> type) {
        return !type.isRecord() || shorthand(type) != null || parser(type) != null;
    }

    static @Nullable Method shorthand(Class<?> type) {
        return staticFactory(type, "of");
    }

    static @Nullable Method parser(Class<?> type) {
        return staticFactory(type, "parse");
    }

    private static @Nullable Method staticFactory(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name, String.class);
            return Modifier.isStatic(method.getModifiers()) && method.getReturnType() == type ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object bool(String text) {
        if ("true".equalsIgnoreCase(text.trim())) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text.trim())) {
            return Boolean.FALSE;
        }
        throw new NumberFormatException(text);
    }

    private @Nullable Object enumConstant(Class<?> type, String text, Node node) {
        String wanted = text.trim();
        for (Object constant : type.getEnumConstants()) {
            if (Words.kebab((Enum<?>) constant).equals(wanted)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(constant -> Words.kebab((Enum<?>) constant))
                .collect(Collectors.joining(", "));
        problems.add(node, "unknown " + Words.of(type) + " '" + wanted + "'; expected one of: " + allowed);
        return null;
    }
}
