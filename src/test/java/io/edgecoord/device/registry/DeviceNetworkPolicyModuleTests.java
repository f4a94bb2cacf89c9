package io.edgecoord.device.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import io.edgecoord.device.DeviceFixtures;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The device module with its default network policy, over its REST API: devices on loopback,
 * link-local and metadata addresses are refused at registration and patch with a problem that
 * names the rule; a device on a private address is accepted. The accepted one is LOCKED, so
 * nothing is ever sent to it.
 */
@ApplicationModuleTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:device-network;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc(addFilters = false)
class DeviceNetworkPolicyModuleTests {

    private static final String HOW = "allow it with edgecoord.device.network.allow";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void profile() throws Exception {
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON)
            .content(DeviceFixtures.METER_PROFILE));
    }

    @Test
    void refusesTheCloudMetadataAddress() throws Exception {
        register("imds", "http://169.254.169.254/latest/meta-data").andExpect(refused(
                "protocol.baseUrl: 169.254.169.254 is a cloud metadata address; " + HOW
                        + " naming it alone (169.254.169.254/32)."));
    }

    @Test
    void refusesLoopbackInEitherFamily() throws Exception {
        register("v4", "http://127.0.0.1:8080").andExpect(refused(
                "protocol.baseUrl: 127.0.0.1 is a loopback address; " + HOW + "."));
        register("v6", "http://[::1]:8080").andExpect(refused(
                "protocol.baseUrl: ::1 is a loopback address; " + HOW + "."));
        register("mapped", "http://[::ffff:127.0.0.1]:8080").andExpect(refused(
                "protocol.baseUrl: ::ffff:127.0.0.1 is 127.0.0.1, which is a loopback address; " + HOW + "."));
    }

    @Test
    void refusesANameThatResolvesToLoopback() throws Exception {
        register("named", "http://localhost:8080/api").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value(DeviceAddressRefusedException.TYPE.toString()))
            .andExpect(jsonPath("$.detail").value(allOf(startsWith("protocol.baseUrl: localhost resolves to "),
                    containsString("which is a loopback address; " + HOW))));
        this.mvc.perform(get("/api/v1/devices/named")).andExpect(status().isNotFound());
    }

    @Test
    void acceptsAPrivateAddressAndRefusesAPatchThatMovesItToLinkLocal() throws Exception {
        register("meter-7", "http://10.0.0.5:8080/api").andExpect(status().isCreated())
            .andExpect(jsonPath("$.protocol.host").doesNotExist())
            .andExpect(jsonPath("$.protocol.port").doesNotExist());
        this.mvc.perform(patch("/api/v1/devices/meter-7").contentType("application/merge-patch+json")
            .content("{\"protocol\": {\"baseUrl\": \"http://169.254.10.20\"}}"))
            .andExpect(refused("protocol.baseUrl: 169.254.10.20 is a link-local address; " + HOW + "."));
        this.mvc.perform(patch("/api/v1/devices/meter-7").contentType("application/merge-patch+json")
            .content("{\"description\": \"by the inverter\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.protocol.baseUrl").value("http://10.0.0.5:8080/api"));
    }

    private ResultActions register(String name, String baseUrl) throws Exception {
        return this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
            .content(DeviceFixtures.lockedMeter(name, baseUrl)));
    }

    private static ResultMatcher refused(String detail) {
        return (result) -> {
            status().isBadRequest().match(result);
            jsonPath("$.type").value(DeviceAddressRefusedException.TYPE.toString()).match(result);
            jsonPath("$.title").value("Device address refused").match(result);
            jsonPath("$.detail").value(detail).match(result);
        };
    }
}
