package io.edgecoord.device.network;

import java.net.Inet6Address;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.edgecoord.device.network.CidrTests.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The decision, address by address, with nothing resolved and nothing sent. */
class NetworkPolicyTests {

    private static final NetworkPolicy DEFAULTS = NetworkPolicy.of(List.of(), List.of());

    /** The coordinator listening on 8080 on a machine whose interface has 10.0.0.2. */
    private static final OwnEndpoints OWN = new OwnEndpoints(Set.of(8080), Set.of(ip("10.0.0.2")));

    @Test
    void refusesLoopbackInBothFamiliesAndInIpv4MappedForm() {
        assertRefused("127.0.0.1", AddressRule.LOOPBACK);
        assertRefused("127.255.0.9", AddressRule.LOOPBACK);
        assertRefused("::1", AddressRule.LOOPBACK);
        assertRefused("::ffff:127.0.0.1", AddressRule.LOOPBACK);
    }

    @Test
    void refusesLinkLocalAddresses() {
        assertRefused("169.254.1.1", AddressRule.LINK_LOCAL);
        assertRefused("fe80::1", AddressRule.LINK_LOCAL);
        assertRefused("::ffff:169.254.1.1", AddressRule.LINK_LOCAL);
    }

    @Test
    void refusesCloudMetadataAddressesByName() {
        assertRefused("169.254.169.254", AddressRule.METADATA);
        assertRefused("::ffff:169.254.169.254", AddressRule.METADATA);
        assertRefused("169.254.170.2", AddressRule.METADATA);
        assertRefused("fd00:ec2::254", AddressRule.METADATA);
        assertRefused("100.100.100.200", AddressRule.METADATA);
        assertRefused("168.63.129.16", AddressRule.METADATA);
    }

    @Test
    void refusesUnspecifiedMulticastAndBroadcastAddresses() {
        assertRefused("0.0.0.0", AddressRule.UNSPECIFIED);
        assertRefused("::", AddressRule.UNSPECIFIED);
        assertRefused("224.0.0.1", AddressRule.MULTICAST);
        assertRefused("239.255.255.250", AddressRule.MULTICAST);
        assertRefused("ff02::1", AddressRule.MULTICAST);
        assertRefused("255.255.255.255", AddressRule.BROADCAST);
        assertRefused("::ffff:255.255.255.255", AddressRule.BROADCAST);
    }

    @Test
    void refusesNat64AddressesThatCarryARefusedIpv4Address() {
        assertRefused("64:ff9b::7f00:1", AddressRule.LOOPBACK);
        assertRefused("64:ff9b::a9fe:a9fe", AddressRule.METADATA);
    }

    @Test
    void allowsThePrivateRangesWhereDevicesLive() {
        for (String address : List.of("10.0.0.5", "172.16.0.1", "172.31.255.254", "192.168.1.20", "fd12:3456::7",
                "fc00::1", "100.64.0.1", "::ffff:192.168.1.20")) {
            assertThat(DEFAULTS.decide(ip(address), 80, OWN)).as(address).isInstanceOf(AddressVerdict.Allowed.class);
        }
    }

    @Test
    void denyWinsOverAllowAndOverPrivateRanges() {
        NetworkPolicy policy = NetworkPolicy.of(List.of("10.0.0.0/8"), List.of("10.9.0.0/16"));
        assertThat(policy.decide(ip("10.1.2.3"), 80, OWN)).isInstanceOf(AddressVerdict.Allowed.class);
        AddressVerdict.Refused refused = refused(policy, "10.9.8.7", 80);
        assertThat(refused.rule()).isEqualTo(AddressRule.DENIED);
        assertThat(refused.detail("10.9.8.7"))
            .isEqualTo("10.9.8.7 is in edgecoord.device.network.deny (10.9.0.0/16)");
        assertThat(refused(NetworkPolicy.of(List.of("127.0.0.0/8"), List.of("127.0.0.1")), "127.0.0.1", 80).rule())
            .isEqualTo(AddressRule.DENIED);
    }

    @Test
    void allowReopensWhatABuiltInRuleRefuses() {
        NetworkPolicy policy = NetworkPolicy.of(List.of("127.0.0.1/32", "fe80::/10", "169.254.0.0/16"), List.of());
        assertThat(policy.decide(ip("127.0.0.1"), 9000, OWN)).isInstanceOf(AddressVerdict.Allowed.class);
        assertThat(policy.decide(ip("::ffff:127.0.0.1"), 9000, OWN)).isInstanceOf(AddressVerdict.Allowed.class);
        assertThat(policy.decide(ip("fe80::7"), 9000, OWN)).isInstanceOf(AddressVerdict.Allowed.class);
        assertThat(refused(policy, "127.0.0.2", 9000).rule()).isEqualTo(AddressRule.LOOPBACK);
    }

    @Test
    void aMetadataAddressIsReopenedOnlyByAnEntryNamingItAlone() {
        NetworkPolicy linkLocal = NetworkPolicy.of(List.of("169.254.0.0/16"), List.of());
        AddressVerdict.Refused refused = refused(linkLocal, "169.254.169.254", 80);
        assertThat(refused.rule()).isEqualTo(AddressRule.METADATA);
        assertThat(refused.detail("169.254.169.254")).isEqualTo("169.254.169.254 is a cloud metadata address; "
                + "allow it with edgecoord.device.network.allow naming it alone (169.254.169.254/32)");
        NetworkPolicy named = NetworkPolicy.of(List.of("169.254.169.254/32"), List.of());
        assertThat(named.decide(ip("169.254.169.254"), 80, OWN)).isInstanceOf(AddressVerdict.Allowed.class);
    }

    @Test
    void theCoordinatorsOwnPortsAreRefusedOnEveryOwnAddressWhateverAllowSays() {
        NetworkPolicy everything = NetworkPolicy.of(List.of("0.0.0.0/0", "::/0"), List.of());
        for (String address : List.of("127.0.0.1", "127.0.0.53", "::1", "0.0.0.0", "::", "10.0.0.2", "::ffff:10.0.0.2",
                "::ffff:127.0.0.1")) {
            assertThat(refused(everything, address, 8080).rule()).as(address).isEqualTo(AddressRule.COORDINATOR_PORT);
        }
        assertThat(refused(everything, "127.0.0.1", 8080).detail("127.0.0.1"))
            .isEqualTo("127.0.0.1 is this machine's own address, and 8080 is a port the coordinator itself "
                    + "listens on; no setting allows it");
        assertThat(everything.decide(ip("127.0.0.1"), 8081, OWN)).isInstanceOf(AddressVerdict.Allowed.class);
        assertThat(everything.decide(ip("10.0.0.3"), 8080, OWN)).isInstanceOf(AddressVerdict.Allowed.class);
        assertThat(DEFAULTS.decide(ip("10.0.0.2"), 8081, OWN)).isInstanceOf(AddressVerdict.Allowed.class);
    }

    @Test
    void theDetailNamesTheRuleAndHowToAllowIt() {
        assertThat(refused(DEFAULTS, "127.0.0.1", 80).detail("127.0.0.1"))
            .isEqualTo("127.0.0.1 is a loopback address; allow it with edgecoord.device.network.allow");
        assertThat(refused(DEFAULTS, "::1", 80).detail("[::1]"))
            .isEqualTo("::1 is a loopback address; allow it with edgecoord.device.network.allow");
        assertThat(refused(DEFAULTS, "127.0.0.1", 80).detail("localhost")).isEqualTo(
                "localhost resolves to 127.0.0.1, which is a loopback address; allow it with "
                        + "edgecoord.device.network.allow");
        assertThat(refused(DEFAULTS, "::ffff:127.0.0.1", 80).detail("[::ffff:127.0.0.1]")).isEqualTo(
                "::ffff:127.0.0.1 is 127.0.0.1, which is a loopback address; allow it with "
                        + "edgecoord.device.network.allow");
    }

    @Test
    void aBadBlockInTheSettingsFailsWithTheSettingsName() {
        assertThatIllegalArgumentException().isThrownBy(() -> NetworkPolicy.of(List.of("10.0.0.0/8", "lan"), List.of()))
            .withMessageStartingWith("edgecoord.device.network.allow: 'lan' is not");
        assertThatIllegalArgumentException().isThrownBy(() -> NetworkPolicy.of(List.of(), List.of("10.0.0.1/40")))
            .withMessageStartingWith("edgecoord.device.network.deny: ");
    }

    @Test
    void anIpv6ObjectInMappedFormIsJudgedAsItsIpv4Address() throws Exception {
        byte[] bytes = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
            (byte) 254 };
        assertThat(DEFAULTS.decide(Inet6Address.getByAddress(null, bytes, -1), 80, OWN))
            .isInstanceOfSatisfying(AddressVerdict.Refused.class, (r) -> assertThat(r.rule()).isEqualTo(AddressRule.METADATA));
    }

    private static void assertRefused(String address, AddressRule rule) {
        assertThat(refused(DEFAULTS, address, 80).rule()).as(address).isEqualTo(rule);
    }

    private static AddressVerdict.Refused refused(NetworkPolicy policy, String address, int port) {
        AddressVerdict verdict = policy.decide(ip(address), port, OWN);
        assertThat(verdict).as(address).isInstanceOf(AddressVerdict.Refused.class);
        return (AddressVerdict.Refused) verdict;
    }
}
