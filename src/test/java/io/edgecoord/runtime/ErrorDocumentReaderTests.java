package io.edgecoord.runtime;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorDocumentReaderTests {

    final ErrorDocumentReader reader = new ErrorDocumentReader();

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void takesTypeAndMessageFromTheLambdaErrorDocument() {
        var error = reader.functionError(bytes("{\"errorMessage\":\"boom\",\"errorType\":\"KeyError\",\"stackTrace\":[]}"),
                "Ignored");

        assertThat(error.errorType()).isEqualTo("KeyError");
        assertThat(error.errorMessage()).isEqualTo("boom");
    }

    @Test
    void fallsBackToTheHeaderAndTheRawBodyWhenTheBodyIsNotJson() {
        var error = reader.functionError(bytes("Traceback: boom"), "Runtime.ExitError");

        assertThat(error.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(error.errorMessage()).isEqualTo("Traceback: boom");
    }

    @Test
    void callsAnErrorWithNeitherTypeNorHeaderUnhandled() {
        assertThat(reader.initError(new byte[0], null).errorType()).isEqualTo("Unhandled");
        assertThat(reader.initError(bytes("[1,2]"), "").errorMessage()).isEqualTo("[1,2]");
        assertThat(reader.functionError(bytes("{\"errorMessage\":\"only a message\"}"), null).errorType())
                .isEqualTo("Unhandled");
    }
}
