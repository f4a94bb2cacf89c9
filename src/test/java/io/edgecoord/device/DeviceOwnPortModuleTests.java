package io.edgecoord.device;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.edgecoord.device.registry.DeviceAddressRefusedException;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The device module on a real server port with loopback allowed, as a test or an operator with a
 * simulator allows it: a device at the coordinator's own port is still refused. Devices are
 * LOCKED, so nothing is polled.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "edgecoord.device.network.allow=127.0.0.0/8",
        "spring.datasource.url=jdbc:h2:mem:device-own-port;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc(addFilters = false)
class DeviceOwnPortModuleTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void refusesADeviceAtTheCoordinatorsOwnPortWhileLoopbackIsAllowed() throws Exception {
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON)
            .content(DeviceFixtures.METER_PROFILE)).andExpect(status().isCreated());
        register("self", "http://127.0.0.1:" + this.port + "/api/v1").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value(DeviceAddressRefusedException.TYPE.toString()))
            .andExpect(jsonPath("$.detail").value("protocol.baseUrl: 127.0.0.1 is this machine's own address, and "
                    + this.port + " is a port the coordinator itself listens on; no setting allows it."));
        register("simulator", "http://127.0.0.1:" + otherPort() + "/devices/s1").andExpect(status().isCreated());
    }

    private int otherPort() {
        return (this.port == 65535) ? 65534 : this.port + 1;
    }

    private ResultActions register(String name, String baseUrl) throws Exception {
        return this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
            .content(DeviceFixtures.lockedMeter(name, baseUrl)));
    }
}
