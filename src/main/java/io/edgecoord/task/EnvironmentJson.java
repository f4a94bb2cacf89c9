package io.edgecoord.task;

import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a task version's environment variables (or its sealed secret ones) as one JSON object, keys
 * sorted, in a varchar column; {@code null} stays {@code null}.
 */
@Converter
class EnvironmentJson implements AttributeConverter<Map<String, String>, String> {

    /** The width of the {@code environment_json} column. */
    static final int MAX_LENGTH = 8192;

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    static String write(Map<String, String> environment) {
        return mapper.writeValueAsString(new TreeMap<>(environment));
    }

    static Map<String, String> read(String json) {
        return mapper.readValue(json, MAP);
    }

    @Override
    public String convertToDatabaseColumn(Map<String, String> environment) {
        return (environment != null) ? write(environment) : null;
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String json) {
        return (json != null) ? read(json) : null;
    }
}
