package dev.steward.test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON answers, and lists the elements of an array by some of their fields for whole-list assertions. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }

    /** Each element of the array as the values of the fields, joined by " | ", e.g. "transfers | host | changed". */
    public static List<String> rows(JsonNode array, String... fields) {
        return array.valueStream()
                .map(element -> Arrays.stream(fields)
                        .map(field -> element.get(field).asString())
                        .collect(Collectors.joining(" | ")))
                .toList();
    }
}
