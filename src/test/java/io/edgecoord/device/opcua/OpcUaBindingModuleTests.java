package io.edgecoord.device.opcua;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.edgecoord.device.TestSecretCipher;
import io.edgecoord.device.registry.AdminState;
import io.edgecoord.device.registry.Device;
import io.edgecoord.device.registry.DeviceRepository;
import io.edgecoord.device.registry.RegisteredDevices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OPC UA binding over the REST API against a real OPC UA server that is not our code
 * (Eclipse Milo's SDK server): batched reads of every type, writes read back, security None and
 * Basic256Sha256 with the server's certificate trusted explicitly (in the trust list folder),
 * anonymous and user/password, a node the server does not have, and a server that goes away and
 * comes back.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "edgecoord.device.network.allow=127.0.0.0/8",
        "edgecoord.device.poll.min-interval=100ms",
        "spring.datasource.url=jdbc:h2:mem:opcua;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc(addFilters = false)
@Import(TestSecretCipher.class)
class OpcUaBindingModuleTests {

    static OpcUaTestServer server;

    @Autowired
    MockMvc mvc;

    @Autowired
    DeviceRepository repository;

    @Autowired
    RegisteredDevices devices;

    @DynamicPropertySource
    static void trustTheServer(DynamicPropertyRegistry registry) throws Exception {
        server = OpcUaTestServer.start();
        Path pki = Files.createTempDirectory("edgecoord-opcua");
        Path trusted = Files.createDirectories(pki.resolve("pki/trusted/certs"));
        Files.write(trusted.resolve("test-server.der"), server.certificate().getEncoded());
        registry.add("edgecoord.device.opcua.pki-dir", pki::toString);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void readsEveryTypeInOneRequestAndWritesWithReadBack() throws Exception {
        profile("plc");
        device("plc-1", "plc", "").andExpect(status().isCreated());
        this.mvc.perform(post("/api/v1/devices/plc-1/poll")).andExpect(status().isOk())
            .andExpect(jsonPath("$.values.temperature").value(closeTo(21.5, 1e-9)))
            .andExpect(jsonPath("$.values.speed").value(closeTo(100.0, 1e-6)))
            .andExpect(jsonPath("$.values.count").value(7))
            .andExpect(jsonPath("$.values.running").value(true))
            .andExpect(jsonPath("$.values.name").value("PUMP-7"));
        this.mvc.perform(put("/api/v1/devices/plc-1/commands/speed").contentType(MediaType.APPLICATION_JSON)
            .content("{\"speed\": 250.5}")).andExpect(status().isOk())
            .andExpect(jsonPath("$.speed").value(closeTo(250.5, 1e-6)));
        assertThat(server.value("Speed")).isEqualTo(250.5f);
        this.mvc.perform(put("/api/v1/devices/plc-1/commands/count").contentType(MediaType.APPLICATION_JSON)
            .content("{\"count\": 42}")).andExpect(jsonPath("$.count").value(42));
        assertThat(server.value("Count")).isEqualTo(42);
    }

    @Test
    void readsAndWritesUInt64ByteStringsAndArrayVariants() throws Exception {
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "plc-typed", "resources": [
                  {"name": "total", "valueType": "UINT64", "readWrite": "RW", "attributes": {"nodeId": "ns=2;s=Total"}},
                  {"name": "blob", "valueType": "BINARY", "readWrite": "RW", "attributes": {"nodeId": "ns=2;s=Blob"}},
                  {"name": "levels", "valueType": "INT16_ARRAY", "readWrite": "RW", "attributes": {"nodeId": "ns=2;s=Levels"}},
                  {"name": "temps", "valueType": "FLOAT32_ARRAY", "readWrite": "R", "attributes": {"nodeId": "ns=2;s=Temps"}},
                  {"name": "flags", "valueType": "BOOL_ARRAY", "readWrite": "RW", "attributes": {"nodeId": "ns=2;s=Flags"}}]}"""))
            .andExpect(status().isCreated());
        device("plc-typed-1", "plc-typed", "").andExpect(status().isCreated());
        this.mvc.perform(post("/api/v1/devices/plc-typed-1/poll")).andExpect(status().isOk())
            .andExpect(content().string(containsString("\"total\":18446744073709551614")))
            .andExpect(jsonPath("$.values.blob").value("3q0="))
            .andExpect(jsonPath("$.values.levels").value(contains(1, -1, 2)))
            .andExpect(jsonPath("$.values.temps").value(contains(closeTo(21.5, 1e-6), closeTo(-1.5, 1e-6))))
            .andExpect(jsonPath("$.values.flags").value(contains(true, false)));
        write("plc-typed-1", "total", "18446744073709551615")
            .andExpect(content().string(containsString("\"total\":18446744073709551615")));
        assertThat(server.value("Total")).isEqualTo(ULong.MAX);
        write("plc-typed-1", "blob", "\"AQID\"").andExpect(jsonPath("$.blob").value("AQID"));
        assertThat(((ByteString) server.value("Blob")).bytes()).containsExactly(1, 2, 3);
        write("plc-typed-1", "levels", "[5, -6, 7, 8]").andExpect(jsonPath("$.levels").value(contains(5, -6, 7, 8)));
        assertThat((Short[]) server.value("Levels")).containsExactly((short) 5, (short) -6, (short) 7, (short) 8);
        write("plc-typed-1", "flags", "[false, false, true]").andExpect(jsonPath("$.flags").value(contains(false, false, true)));
        assertThat((Boolean[]) server.value("Flags")).containsExactly(false, false, true);
    }

    private ResultActions write(String device, String resource, String value) throws Exception {
        return this.mvc.perform(put("/api/v1/devices/" + device + "/commands/" + resource)
            .contentType(MediaType.APPLICATION_JSON).content("{\"" + resource + "\": " + value + "}"));
    }

    @Test
    void connectsWithBasic256Sha256AndAUserAndHidesThePassword() throws Exception {
        profile("plc-secure");
        device("plc-2", "plc-secure", """
                , "securityPolicy": "Basic256Sha256", "securityMode": "SignAndEncrypt",
                "username": "operator", "password": "secret\"""").andExpect(status().isCreated())
            .andExpect(jsonPath("$.protocol.password").value("******"));
        this.mvc.perform(get("/api/v1/devices/plc-2/commands/temperature"))
            .andExpect(jsonPath("$.temperature").value(closeTo(21.5, 1e-9)));
        device("plc-3", "plc-secure", """
                , "securityPolicy": "Basic256Sha256", "username": "operator", "password": "wrong\"""")
            .andExpect(status().isCreated());
        this.mvc.perform(get("/api/v1/devices/plc-3/commands/temperature")).andExpect(status().isBadGateway())
            .andExpect(jsonPath("$.detail").value(containsString("Bad_")));
    }

    @Test
    void storesThePasswordSealedAndSealsOneStoredBeforeSealing() throws Exception {
        profile("plc-sealed");
        device("plc-8", "plc-sealed", """
                , "username": "operator", "password": "secret\"""").andExpect(status().isCreated());
        String stored = this.repository.findByName("plc-8").orElseThrow().document();
        assertThat(stored).doesNotContain("secret").contains("\"password\":\"v1:");
        this.mvc.perform(patch("/api/v1/devices/plc-8").contentType("application/merge-patch+json")
            .content("{\"description\": \"patched\"}")).andExpect(jsonPath("$.protocol.password").value("******"));
        assertThat(this.repository.findByName("plc-8").orElseThrow().document()).doesNotContain("secret");
        this.mvc.perform(patch("/api/v1/devices/plc-8").contentType("application/merge-patch+json")
            .content("{\"protocol\": {\"password\": \"******\"}}")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("how the API hides the password")));
        this.mvc.perform(get("/api/v1/devices/plc-8/commands/temperature"))
            .andExpect(jsonPath("$.temperature").value(closeTo(21.5, 1e-9)));

        // A row as stored before passwords were sealed: sealed when the registry loads it.
        this.repository.saveAndFlush(new Device(java.util.UUID.randomUUID(), "plc-old", "plc-sealed",
                AdminState.UNLOCKED, """
                {"name": "plc-old", "profile": "plc-sealed", "polling": {"interval": "30s"},
                 "protocol": {"type": "opcua", "endpointUrl": "%s", "username": "operator", "password": "secret"}}"""
                    .formatted(server.url()), java.time.Instant.now()));
        this.devices.start();
        assertThat(this.repository.findByName("plc-old").orElseThrow().document()).doesNotContain("secret")
            .contains("\"password\":\"v1:");
        this.mvc.perform(get("/api/v1/devices/plc-old")).andExpect(jsonPath("$.protocol.password").value("******"));
        this.mvc.perform(get("/api/v1/devices/plc-old/commands/temperature"))
            .andExpect(jsonPath("$.temperature").value(closeTo(21.5, 1e-9)));
    }

    @Test
    void answersANodeTheServerDoesNotHaveWithItsStatus() throws Exception {
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "plc-missing", "resources": [{"name": "ghost", "valueType": "FLOAT64", "readWrite": "R",
                  "attributes": {"nodeId": "ns=2;s=Nothing"}}]}""")).andExpect(status().isCreated());
        device("plc-4", "plc-missing", "").andExpect(status().isCreated());
        this.mvc.perform(get("/api/v1/devices/plc-4/commands/ghost")).andExpect(status().isBadGateway())
            .andExpect(jsonPath("$.detail").value(containsString("Bad_NodeIdUnknown")));
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "plc-nonode", "resources": [{"name": "t", "valueType": "FLOAT64", "readWrite": "R"}]}"""))
            .andExpect(status().isCreated());
        device("plc-5", "plc-nonode", "").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("attributes.nodeId is required")));
    }

    @Test
    void aServerThatGoesAwayTakesItsDevicesOfflineAndBackOnline() throws Exception {
        OpcUaTestServer own = OpcUaTestServer.start();
        int port = own.port();
        profile("plc-away");
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "plc-6", "profile": "plc-away", "protocol": {"type": "opcua", "endpointUrl": "%s"},
                 "polling": {"interval": "500ms", "timeout": "400ms"}}""".formatted(own.url())))
            .andExpect(status().isCreated());
        awaitStatus("plc-6", "ONLINE");
        own.close();
        awaitStatus("plc-6", "OFFLINE");
        try (OpcUaTestServer back = OpcUaTestServer.start(port)) {
            awaitStatus("plc-6", "ONLINE");
        }
    }

    private void awaitStatus(String device, String status) {
        org.awaitility.Awaitility.await().atMost(60, java.util.concurrent.TimeUnit.SECONDS)
            .pollInterval(200, java.util.concurrent.TimeUnit.MILLISECONDS)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/devices/" + device + "/connectivity"))
                .andExpect(jsonPath("$.status").value(status)));
    }

    private void profile(String name) throws Exception {
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "%s", "resources": [
                  {"name": "temperature", "valueType": "FLOAT64", "readWrite": "R", "attributes": {"nodeId": "ns=2;s=Temperature"}},
                  {"name": "speed", "valueType": "FLOAT32", "readWrite": "RW", "attributes": {"nodeId": "ns=2;s=Speed"}},
                  {"name": "count", "valueType": "INT32", "readWrite": "RW", "attributes": {"nodeId": "ns=2;s=Count"}},
                  {"name": "running", "valueType": "BOOL", "readWrite": "R", "attributes": {"nodeId": "ns=2;s=Running"}},
                  {"name": "name", "valueType": "STRING", "readWrite": "R", "attributes": {"nodeId": "ns=2;s=Name"}}]}"""
            .formatted(name))).andExpect(status().isCreated());
    }

    private ResultActions device(String name, String profile, String security) throws Exception {
        return this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "%s", "profile": "%s",
                 "protocol": {"type": "opcua", "endpointUrl": "%s"%s},
                 "polling": {"interval": "30s"}}""".formatted(name, profile, server.url(), security)));
    }
}
