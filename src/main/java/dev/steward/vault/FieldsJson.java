package dev.steward.vault;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A record's personal fields as the JSON that is sealed under its subject's key. */
@Component
class FieldsJson {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final JsonMapper json;

    FieldsJson(JsonMapper json) {
        this.json = json;
    }

    byte[] write(Map<String, String> fields) {
        return json.writeValueAsBytes(fields);
    }

    Map<String, String> read(byte[] bytes) {
        return json.readValue(bytes, FIELDS);
    }
}
