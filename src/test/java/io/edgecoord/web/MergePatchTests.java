package io.edgecoord.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MergePatchTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void membersMergeNullsRemoveAndOtherValuesReplace() {
        JsonNode target = tree("{\"a\":1,\"env\":{\"X\":\"1\",\"Y\":\"2\"},\"list\":[1,2]}");
        JsonNode patched = MergePatch.apply(target, tree("{\"a\":null,\"env\":{\"Y\":null,\"Z\":\"3\"},\"list\":[3]}"));
        assertThat(patched).isEqualTo(tree("{\"env\":{\"X\":\"1\",\"Z\":\"3\"},\"list\":[3]}"));
        assertThat(target).isEqualTo(tree("{\"a\":1,\"env\":{\"X\":\"1\",\"Y\":\"2\"},\"list\":[1,2]}"));
    }

    @Test
    void anObjectPatchOverANonObjectStartsFromEmpty() {
        assertThat(MergePatch.apply(tree("{\"a\":5}"), tree("{\"a\":{\"b\":1,\"c\":null}}")))
            .isEqualTo(tree("{\"a\":{\"b\":1}}"));
    }

    private JsonNode tree(String text) {
        return this.json.readTree(text);
    }
}
