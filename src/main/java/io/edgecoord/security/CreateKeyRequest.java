package io.edgecoord.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/keys}.
 *
 * @param name what the key is for, {@code 1..128} characters
 * @param scopes one or more of {@code admin}, {@code deploy}, {@code invoke}, {@code read}
 * @param tasks task-name patterns ({@code *} for any run of characters) the key is limited to;
 *     absent or empty means every task
 * @param topics the MQTT topic filters it may publish and subscribe to; absent means none (an
 *     admin key may use every topic)
 * @param requestsPerSecond its rate limit; absent means the coordinator's default
 */
record CreateKeyRequest(
        @NotBlank @Size(max = 128) String name,
        @NotEmpty List<@NotNull @Pattern(regexp = "admin|deploy|invoke|read",
                message = "must be one of admin, deploy, invoke, read") String> scopes,
        @Size(max = 32) List<@NotNull @Pattern(regexp = "[A-Za-z0-9_*-]{1,64}",
                message = "must match [A-Za-z0-9_*-]{1,64}") String> tasks,
        @Valid Topics topics,
        @Min(1) @Max(1_000_000) Integer requestsPerSecond) {

    /** An MQTT topic filter: whole-level {@code +}, a last-level {@code #}, no NUL, at most 256 characters. */
    static final String FILTER = "(?=.{1,256}$)(#|(\\+|[^/+#\\x00]*)(/(\\+|[^/+#\\x00]*))*(/#)?)";

    /**
     * The MQTT topics of a key.
     *
     * @param publish filters it may publish to, at most 32
     * @param subscribe filters it may subscribe to, at most 32
     */
    record Topics(
            @Size(max = 32) List<@NotNull @Pattern(regexp = FILTER, message = "must be an MQTT topic filter") String> publish,
            @Size(max = 32) List<@NotNull @Pattern(regexp = FILTER, message = "must be an MQTT topic filter") String> subscribe) {
    }
}
