package io.edgecoord.invocation.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The RFC 7240 {@code Prefer} preferences an invoke honours: {@code respond-async} (answer 202 at
 * once) and {@code wait=N} (wait at most N seconds for the result, then answer 202).
 */
record Preferences(boolean respondAsync, Optional<Duration> maxWait) {

    static Preferences parse(List<String> headers) {
        boolean async = false;
        Optional<Duration> wait = Optional.empty();
        for (String header : headers == null ? List.<String>of() : headers) {
            for (String token : header.split(",")) {
                // A limit of -1 keeps the empty parts: ";" splits into two, not into none.
                String preference = token.split(";", -1)[0].trim().toLowerCase(Locale.ROOT);
                if (preference.equals("respond-async")) {
                    async = true;
                }
                else if (preference.startsWith("wait=")) {
                    wait = seconds(preference.substring("wait=".length()));
                }
            }
        }
        return new Preferences(async, wait);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.replace("\"", "").trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        }
        catch (NumberFormatException ex) {
            return Optional.empty(); // RFC 7240: a preference that cannot be understood is ignored
        }
    }
}
