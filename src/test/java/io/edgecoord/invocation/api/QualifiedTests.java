package io.edgecoord.invocation.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QualifiedTests {

    @Test
    void aPlainNameHasNoQualifier() {
        assertThat(Qualified.of("hello", null, null)).isEqualTo(new Qualified("hello", null));
        assertThat(Qualified.of("hello", null, 3)).isEqualTo(new Qualified("hello", null));
    }

    @Test
    void theQualifierComesFromThePathOrTheQuery() {
        assertThat(Qualified.of("hello:live", null, null)).isEqualTo(new Qualified("hello", "live"));
        assertThat(Qualified.of("hello", "live", null)).isEqualTo(new Qualified("hello", "live"));
        assertThat(Qualified.of("hello:live", "live", null)).isEqualTo(new Qualified("hello", "live"));
    }

    @Test
    void disagreeingQualifiersOrAQualifierWithAVersionAreRefused() {
        assertThatExceptionOfType(InvalidQualifierException.class)
            .isThrownBy(() -> Qualified.of("hello:live", "beta", null));
        assertThatExceptionOfType(InvalidQualifierException.class).isThrownBy(() -> Qualified.of("hello", "live", 2));
    }
}
