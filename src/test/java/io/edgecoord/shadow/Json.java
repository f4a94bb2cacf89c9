package io.edgecoord.shadow;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON written tersely in tests: single quotes stand for double quotes. */
final class Json {

    private Json() {
    }

    static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text.replace('\'', '"'));
    }

    static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }

    /** Asserts JSON equality where numbers compare by value, so a long 1 equals a parsed int 1. */
    static void assertJson(JsonNode actual, String expected) {
        assertThat(StateTrees.same(actual, json(expected))).as("%s is %s", actual, json(expected)).isTrue();
    }
}
