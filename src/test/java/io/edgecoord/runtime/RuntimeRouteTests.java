package io.edgecoord.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeRouteTests {

    static final String BASE = "/2018-06-01/runtime";

    @Test
    void namesEveryRuntimeApiOperation() {
        assertThat(RuntimeRoute.of("GET", BASE + "/invocation/next")).isEqualTo(new RuntimeRoute.Next());
        assertThat(RuntimeRoute.of("POST", BASE + "/invocation/abc-1/response"))
                .isEqualTo(new RuntimeRoute.Response("abc-1"));
        assertThat(RuntimeRoute.of("POST", BASE + "/invocation/abc-1/error")).isEqualTo(new RuntimeRoute.Error("abc-1"));
        assertThat(RuntimeRoute.of("POST", BASE + "/init/error")).isEqualTo(new RuntimeRoute.InitError());
    }

    @Test
    void aKnownPathWithTheWrongMethodIsNotAllowed() {
        assertThat(RuntimeRoute.of("POST", BASE + "/invocation/next")).isEqualTo(new RuntimeRoute.MethodNotAllowed("GET"));
        assertThat(RuntimeRoute.of("GET", BASE + "/invocation/abc/response"))
                .isEqualTo(new RuntimeRoute.MethodNotAllowed("POST"));
    }

    @Test
    void anythingElseIsNotFound() {
        assertThat(RuntimeRoute.of("GET", "/")).isEqualTo(new RuntimeRoute.NotFound());
        assertThat(RuntimeRoute.of("GET", "/2020-01-01/runtime/invocation/next")).isEqualTo(new RuntimeRoute.NotFound());
        assertThat(RuntimeRoute.of("POST", BASE + "/invocation//response")).isEqualTo(new RuntimeRoute.NotFound());
        assertThat(RuntimeRoute.of("POST", BASE + "/invocation/abc/other")).isEqualTo(new RuntimeRoute.NotFound());
        assertThat(RuntimeRoute.of("GET", BASE + "/invocation/next/more")).isEqualTo(new RuntimeRoute.NotFound());
    }
}
