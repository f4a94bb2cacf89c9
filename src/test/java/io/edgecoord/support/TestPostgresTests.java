package io.edgecoord.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPostgresTests {

    @Test
    void runsTheConfiguredImageWhenTheEngineHasIt() {
        assertThat(TestPostgres.choose("postgres:16", name -> true).asCanonicalNameString())
                .isEqualTo("postgres:16");
    }

    @Test
    void buildsItsOwnImageTaggedWithTheHashOfItsSourcesOtherwise() {
        String built = TestPostgres.choose("postgres:15", name -> false).asCanonicalNameString();
        assertThat(built).matches("edgecoord-test/postgres:15-[0-9a-f]{12}");
        assertThat(TestPostgres.builtImage().asCanonicalNameString()).isEqualTo(built);
    }
}
