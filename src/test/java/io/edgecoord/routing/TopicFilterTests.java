package io.edgecoord.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFilterTests {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', commentCharacter = ';', textBlock = """
            devices/+/readings/#        | devices/th-1/readings/status        | true
            devices/+/readings/#        | devices/th-1/readings               | true
            devices/+/readings/#        | devices/th-1/connectivity           | false
            devices/+/readings/#        | devices/th-1                        | false
            devices/+/connectivity      | devices/th-1/connectivity           | true
            devices/+/connectivity      | devices/th-1/readings/status        | false
            devices/+/connectivity      | devices/a/b/connectivity            | false
            devices/th-1/readings/status| devices/th-1/readings/status        | true
            devices/th-1/readings/status| devices/th-1/readings/Status        | false
            #                           | devices/th-1/connectivity           | true
            #                           | tasks/hello/results                 | true
            #                           | $aws/things/th-1/shadow/update/delta| false
            +/things/#                  | $aws/things/th-1/shadow/update/delta| false
            +/+                         | $SYS/broker                         | false
            $aws/things/+/shadow/update/delta | $aws/things/th-1/shadow/update/delta | true
            $aws/#                      | $aws/things/th-1/shadow/update/delta| true
            sport/#                     | sport                               | true
            sport/tennis/#              | sport/tennis/player1/ranking        | true
            sport/+                     | sport                               | false
            sport/+                     | sport/                              | true
            +/+                         | /finance                            | true
            /+                          | /finance                            | true
            +                           | /finance                            | false
            a//b                        | a//b                                | true
            a/+/b                       | a//b                                | true
            tasks/+/results             | tasks/hello/results                 | true
            tasks/+/results             | tasks/hello/results/extra           | false
            """)
    void matchesAsMqtt311Does(String filter, String topic, boolean matches) {
        assertThat(TopicFilter.parse(filter).matches(topic)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "a/#/b", "a#", "#/", "a/b#", "a+/b", "a/+b", "++", "##" })
    void refusesWildcardsThatAreNotWholeLevels(String filter) {
        assertThatExceptionOfType(InvalidSubscriptionException.class).isThrownBy(() -> TopicFilter.parse(filter))
                .satisfies(ex -> assertThat(ex.getBody().getType()).isEqualTo(InvalidSubscriptionException.TYPE));
    }

    @Test
    void refusesEmptyOverlongAndNulFilters() {
        assertThatExceptionOfType(InvalidSubscriptionException.class).isThrownBy(() -> TopicFilter.parse(""));
        assertThatExceptionOfType(InvalidSubscriptionException.class)
                .isThrownBy(() -> TopicFilter.parse("a".repeat(TopicFilter.MAX_LENGTH + 1)));
        assertThatExceptionOfType(InvalidSubscriptionException.class).isThrownBy(() -> TopicFilter.parse("a/\0"));
    }

    @Test
    void anEncodedDeviceNameStaysOneLevelAndMatchesNoWildcardByAccident() {
        String topic = Topics.readings("line/1+#", "status");

        assertThat(TopicFilter.parse("devices/+/readings/status").matches(topic)).isTrue();
        assertThat(TopicFilter.parse("devices/line/+/readings/status").matches(topic)).isFalse();
    }
}
