package dev.steward.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A bench command's options, {@code --name value}; anything else is a usage error. */
record Options(Map<String, String> values, List<String> positional) {

    static Options parse(List<String> arguments, Set<String> names) {
        Map<String, String> values = new HashMap<>();
        List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                positional.add(argument);
                continue;
            }
            String name = argument.substring(2);
            if (!names.contains(name) || i + 1 >= arguments.size()) {
                throw new IllegalArgumentException("unknown option or missing value: " + argument);
            }
            values.put(name, arguments.get(++i));
        }
        return new Options(Map.copyOf(values), List.copyOf(positional));
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        try {
            long number = value == null ? fallback : Long.parseLong(value.replace("_", ""));
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number of 0 or more");
        }
    }
}
