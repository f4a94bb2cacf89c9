package io.edgecoord.invocation.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class LambdaResultsTests {

    private static String decode(String tail) {
        return new String(Base64.getDecoder().decode(tail), StandardCharsets.UTF_8);
    }

    @Test
    void aShortLogIsSentWhole() {
        assertThat(decode(LambdaResults.tail("START\nhello\n"))).isEqualTo("START\nhello\n");
        assertThat(LambdaResults.tail("")).isEmpty();
    }

    @Test
    void aLongLogKeepsItsLastFourKilobytes() {
        String log = "a".repeat(10_000) + "the end\n";

        String tail = decode(LambdaResults.tail(log));

        assertThat(tail).hasSize(4096).endsWith("the end\n");
    }

    @Test
    void theTailNeverStartsInTheMiddleOfACharacter() {
        String log = "é".repeat(3000); // two bytes each: 4096 bytes from the end is a character's start

        assertThat(decode(LambdaResults.tail(log))).isEqualTo("é".repeat(2048));
        assertThat(decode(LambdaResults.tail("x" + "€".repeat(2000)))).isEqualTo("€".repeat(1365));
    }
}
