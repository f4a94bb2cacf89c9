package io.edgecoord.shadow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.edgecoord.device.ConnectivityStatus;
import io.edgecoord.device.DeviceInfo;

import static io.edgecoord.shadow.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Which desired values are written to a device, decided from its document and what it lets us write. */
class ActuationPlanTests {

    static final DeviceInfo THERMOSTAT = device(false);

    @Test
    void writesDeltaKeysThatAreWritableResources() {
        ShadowDocument doc = doc("{'state':{'desired':{'setpoint':21,'temperature':30},'reported':{'setpoint':19}}}");
        assertThat(ActuationPlan.of(doc, THERMOSTAT))
            .isEqualTo(new ActuationPlan.Write(Map.of("setpoint", json("21"))));
    }

    @Test
    void writesAnObjectResourceWholeWhenPartOfItDiffers() {
        ShadowDocument doc = doc("{'state':{'desired':{'mode':{'a':1,'b':2}},'reported':{'mode':{'a':1,'b':1}}}}");
        assertThat(ActuationPlan.of(doc, THERMOSTAT))
            .isEqualTo(new ActuationPlan.Write(Map.of("mode", json("{'a':1,'b':2}"))));
    }

    @Test
    void writesNothingWhenOnlyReadOnlyKeysDiffer() {
        assertThat(ActuationPlan.of(doc("{'state':{'desired':{'temperature':30}}}"), THERMOSTAT))
            .isInstanceOf(ActuationPlan.Nothing.class);
    }

    @Test
    void writesNothingOnceReportedMatches() {
        assertThat(ActuationPlan.of(doc("{'state':{'desired':{'setpoint':21},'reported':{'setpoint':21.0}}}"),
                THERMOSTAT))
            .isInstanceOf(ActuationPlan.Nothing.class);
    }

    @Test
    void waitsWhileTheDeviceIsLocked() {
        assertThat(ActuationPlan.of(doc("{'state':{'desired':{'setpoint':21}}}"), device(true)))
            .isEqualTo(new ActuationPlan.Locked(List.of("setpoint")));
    }

    static DeviceInfo device(boolean locked) {
        return new DeviceInfo("t1", "thermostat-v1", Set.of("temperature", "setpoint", "mode"),
                Set.of("setpoint", "mode"), locked, ConnectivityStatus.ONLINE);
    }

    static ShadowDocument doc(String request) {
        return ShadowUpdate.apply(ShadowDocument.empty(0, Instant.EPOCH), UpdateRequest.parse(json(request), 6), null,
                ShadowProperties.defaults(), Instant.EPOCH).current();
    }
}
