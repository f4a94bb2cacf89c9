package io.edgecoord.security.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import io.edgecoord.security.sigv4.SigV4Result.Reason;

/**
 * When a SigV4 request says it was signed: its {@code X-Amz-Date} ({@code 20260131T235959Z}), else
 * its {@code Date} (RFC 1123), and whether that is close enough to now.
 *
 * @param instant the request's date
 */
record SigV4Time(Instant instant) {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

    /** The request's date; a {@link SigV4Refusal} (incomplete signature) when it has none that parses. */
    static SigV4Time of(SigV4Request request) {
        String amzDate = request.first("x-amz-date");
        String date = request.first("date");
        try {
            if (amzDate != null) {
                return new SigV4Time(LocalDateTime.parse(amzDate.strip(), BASIC).toInstant(ZoneOffset.UTC));
            }
            if (date != null) {
                ZonedDateTime parsed = ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return new SigV4Time(parsed.toInstant());
            }
        }
        catch (DateTimeParseException ex) {
            throw new SigV4Refusal(Reason.INCOMPLETE_SIGNATURE, amzDate != null
                    ? "X-Amz-Date must be in ISO-8601 'basic format' (20260131T235959Z). Got '" + amzDate + "'."
                    : "Date must be an RFC 1123 date (Sat, 31 Jan 2026 23:59:59 GMT). Got '" + date + "'.");
        }
        throw new SigV4Refusal(Reason.INCOMPLETE_SIGNATURE,
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    /** The date as the string to sign has it: {@code 20260131T235959Z}. */
    String basic() {
        return BASIC.format(instant);
    }

    /** The day, as the credential scope has it: {@code 20260131}. */
    String day() {
        return DAY.format(instant);
    }

    /** A {@link SigV4Refusal} unless the date is within {@code skew} of {@code now}, either way. */
    void requireWithin(Duration skew, Instant now) {
        if (instant.isBefore(now.minus(skew))) {
            throw new SigV4Refusal(Reason.EXPIRED, "Signature expired: " + basic() + " is now earlier than "
                    + BASIC.format(now.minus(skew)) + " (" + BASIC.format(now) + " - " + words(skew) + ")");
        }
        if (instant.isAfter(now.plus(skew))) {
            throw new SigV4Refusal(Reason.NOT_YET_CURRENT, "Signature not yet current: " + basic()
                    + " is still later than " + BASIC.format(now.plus(skew)) + " (" + BASIC.format(now) + " + "
                    + words(skew) + ")");
        }
    }

    // As AWS words it: "15 min."
    private static String words(Duration skew) {
        return skew.toSecondsPart() == 0 ? skew.toMinutes() + " min." : skew.toSeconds() + " sec.";
    }
}
