package dev.steward.catalog.internal;

import java.time.LocalDate;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** How the binder names schema types and YAML shapes in its messages. */
final class Words {

    private Words() {}

    /** "ProcessingActivity" becomes "processing activity", "Cookie.Category" "cookie category". */
    static String of(Class<?> type) {
        String name = type.getSimpleName();
        Class<?> outer = type.getEnclosingClass();
        if (outer != null && !name.startsWith(outer.getSimpleName())) {
            name = outer.getSimpleName() + name;
        }
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** The catalog spelling of an enum constant: {@code STRICTLY_NECESSARY} is {@code strictly-necessary}. */
    static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type.isRecord()) {
            return "a mapping";
        }
        return "text";
    }

    static String shape(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "text";
    }

    /** Levenshtein distance, to suggest the key a typo meant. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
