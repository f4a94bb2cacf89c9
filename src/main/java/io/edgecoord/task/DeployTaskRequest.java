package io.edgecoord.task;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/v1/tasks}: a task's settings and, in a JSON request, its code.
 * In a multipart request the code comes as its own part and {@code code} stays empty.
 *
 * @param name the task's name, {@code [A-Za-z0-9_-]{1,64}}
 * @param runtime a runtime id such as {@code python3.11}
 * @param handler the entry point; required for python3.11 and java17
 * @param memoryMb the memory limit, 64..10240, default 128
 * @param timeoutSeconds the timeout, 1..900, default 30
 * @param environment environment variables for the task
 * @param code the code, in a JSON request
 */
record DeployTaskRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must match [A-Za-z0-9_-]{1,64}") String name,
        @NotBlank String runtime,
        String handler,
        @Min(64) @Max(10240) Integer memoryMb,
        @Min(1) @Max(900) Integer timeoutSeconds,
        Map<String, String> environment,
        @Valid CodeRequest code) {

    /**
     * Code given in a JSON request: either a single inline source file or a base64 zip (or jar).
     *
     * @param inline the source of a single file
     * @param fileName the file name of the inline source, or of the archive ({@code .jar} marks a jar)
     * @param zipBase64 a zip or jar, base64-encoded
     */
    record CodeRequest(String inline, String fileName, String zipBase64) {
    }
}
