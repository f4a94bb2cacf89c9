package io.edgecoord.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** An operator may turn MQTT off: the coordinator starts without a broker or a client. */
@SpringBootTest(properties = "edgecoord.mqtt.enabled=false")
class MqttDisabledTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theCoordinatorStartsWithNeitherBrokerNorClient() {
        assertThat(context.getBeanNamesForType(EmbeddedBroker.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ExternalBroker.class)).isEmpty();
        assertThat(context.getBeanNamesForType(BrokerMetrics.class)).isEmpty();
    }
}
