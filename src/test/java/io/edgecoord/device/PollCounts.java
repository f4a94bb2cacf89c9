package io.edgecoord.device;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** What the shared-link tests count: polls by result (the poller's meter) and readings kept since a moment. */
public record PollCounts(MeterRegistry meters, MockMvc mvc) {

    /** Ticks skipped because the link was busy or the device's previous poll still ran. */
    public double skipped() {
        return count("skipped-link-wait") + count("skipped-overrun");
    }

    public double count(String result) {
        var counter = this.meters.find("edgecoord.device.polls").tag("result", result).counter();
        return (counter != null) ? counter.count() : 0;
    }

    public long readingsSince(String device, Instant since) throws Exception {
        String body = this.mvc.perform(get("/api/v1/devices/" + device + "/readings").param("since", since.toString())
            .param("size", "1")).andReturn().getResponse().getContentAsString();
        return JsonMapper.shared().readTree(body).path("totalItems").asLong();
    }
}
