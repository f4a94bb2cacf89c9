package io.edgecoord.device.polling;

import java.util.Locale;

/** The outcomes counted in {@code edgecoord.device.polls{result}}. */
enum PollResult {
    SUCCESS, FAILURE, TIMEOUT, SKIPPED_OVERRUN, SKIPPED_LINK_WAIT, SKIPPED_CAPACITY, MISSED;

    String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-'); // skipped-overrun, as every tag value
    }
}
