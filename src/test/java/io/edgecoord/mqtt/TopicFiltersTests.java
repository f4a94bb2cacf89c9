package io.edgecoord.mqtt;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.edgecoord.security.CallerKey;
import io.edgecoord.security.KeyTopics;
import io.edgecoord.security.Scope;

import static org.assertj.core.api.Assertions.assertThat;

class TopicFiltersTests {

    @Test
    void aNameMatchesFiltersAsMqttSays() {
        assertThat(TopicFilters.matches("sensors/+/temp", "sensors/a/temp")).isTrue();
        assertThat(TopicFilters.matches("sensors/#", "sensors")).isTrue();
        assertThat(TopicFilters.matches("sensors/#", "sensors/a/b")).isTrue();
        assertThat(TopicFilters.matches("sensors/+", "sensors/a/b")).isFalse();
        assertThat(TopicFilters.matches("sensors/+", "sensors/")).isTrue();
        assertThat(TopicFilters.matches("#", "$aws/things/x/shadow/get")).isFalse();
        assertThat(TopicFilters.matches("$aws/things/+/shadow/#", "$aws/things/x/shadow/get")).isTrue();
    }

    @Test
    void aWildcardIsNoTopicNameToPublishTo() {
        assertThat(TopicFilters.matches("#", "sensors/+")).isFalse();
    }

    @Test
    void aGrantedFilterCoversOnlyFiltersWhoseEveryTopicItMatches() {
        assertThat(TopicFilters.covers("sensors/#", "sensors/+/temp")).isTrue();
        assertThat(TopicFilters.covers("sensors/#", "sensors/#")).isTrue();
        assertThat(TopicFilters.covers("sensors/#", "sensors")).isTrue();
        assertThat(TopicFilters.covers("sensors/+/temp", "sensors/a/temp")).isTrue();
        assertThat(TopicFilters.covers("sensors/+/temp", "sensors/+/temp")).isTrue();
        assertThat(TopicFilters.covers("sensors/a/temp", "sensors/+/temp")).isFalse();
        assertThat(TopicFilters.covers("sensors/+/temp", "sensors/#")).isFalse();
        assertThat(TopicFilters.covers("sensors/+", "sensors/a/b")).isFalse();
        assertThat(TopicFilters.covers("#", "#")).isTrue();
        assertThat(TopicFilters.covers("#", "$SYS/#")).isFalse();
        assertThat(TopicFilters.covers("+/x", "$aws/x")).isFalse();
    }

    @Test
    void anAdminKeyMayUseEveryTopicAndOthersOnlyTheirFilters() {
        CallerKey admin = new CallerKey("EKA", "admin", Set.of(Scope.ADMIN), List.of(), null);
        CallerKey sensor = new CallerKey("EKS", "sensor", Set.of(Scope.READ), List.of(), null,
                new KeyTopics(List.of("sensors/s1/#"), List.of("commands/s1")));
        CallerKey plain = new CallerKey("EKP", "plain", Set.of(Scope.DEPLOY), List.of(), null);

        assertThat(TopicAccess.of(admin).mayPublish("$aws/things/x/shadow/update")).isTrue();
        assertThat(TopicAccess.of(admin).maySubscribe("#")).isTrue();
        assertThat(TopicAccess.of(sensor).mayPublish("sensors/s1/telemetry")).isTrue();
        assertThat(TopicAccess.of(sensor).mayPublish("sensors/s2/telemetry")).isFalse();
        assertThat(TopicAccess.of(sensor).maySubscribe("commands/s1")).isTrue();
        assertThat(TopicAccess.of(sensor).maySubscribe("commands/+")).isFalse();
        assertThat(TopicAccess.of(sensor).maySubscribe("sensors/s1/#")).isFalse();
        assertThat(TopicAccess.of(plain).mayPublish("a")).isFalse();
        assertThat(TopicAccess.of(plain).maySubscribe("a")).isFalse();
    }
}
