package io.edgecoord.device.registry;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

import io.edgecoord.device.profile.InvalidDefinitionException;

/**
 * How often a device is read, as the API shows it ({@code "500ms"}, {@code "10s"}, {@code "PT1M"}).
 *
 * @param interval time between scheduled polls
 * @param timeout how long one poll may take, below the interval
 * @param source the command or resource a poll reads
 */
record Polling(String interval, String timeout, String source) {

    static Polling of(Duration interval, Duration timeout, String source) {
        return new Polling(print(interval), print(timeout), source);
    }

    static Duration parse(String field, String text) {
        try {
            return DurationStyle.detectAndParse(text);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidDefinitionException(field + " is not a duration such as 500ms, 10s or PT1M: " + text);
        }
    }

    private static String print(Duration duration) {
        return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
