package io.edgecoord.device.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static io.edgecoord.device.network.CidrTests.ip;
import static org.assertj.core.api.Assertions.assertThat;

class AddressesTests {

    @Test
    void parsesLiteralsAndNeverTakesANameForOne() {
        assertThat(Addresses.literal("10.0.0.5")).map(Addresses::text).hasValue("10.0.0.5");
        assertThat(Addresses.literal("[::1]")).map(Addresses::text).hasValue("::1");
        assertThat(Addresses.literal("localhost")).isEmpty();
        assertThat(Addresses.literal("plc-7.example.invalid")).isEmpty();
        assertThat(Addresses.literal("1.2.3.256")).isEmpty();
        assertThat(Addresses.literal("beef")).isEmpty();
        assertThat(Addresses.literal(":::")).isEmpty();
    }

    @Test
    void ipv4MappedAndNat64AddressesStandForTheIpv4AddressTheyCarry() {
        assertThat(Addresses.canonical(ip("::ffff:169.254.169.254"))).isInstanceOf(Inet4Address.class)
            .isEqualTo(ip("169.254.169.254"));
        assertThat(Addresses.canonical(ip("64:ff9b::7f00:1"))).isEqualTo(ip("127.0.0.1"));
        assertThat(Addresses.canonical(ip("2001:db8::7f00:1"))).isEqualTo(ip("2001:db8::7f00:1"));
    }

    @Test
    void anIpv6AddressObjectCarryingAMappedAddressStandsForIpv4Too() throws Exception {
        // The JDK turns mapped literals into Inet4Address itself, but not an Inet6Address built from bytes.
        byte[] bytes = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1 };
        InetAddress mapped = Inet6Address.getByAddress(null, bytes, -1);
        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(Addresses.canonical(mapped)).isEqualTo(ip("127.0.0.1"));
    }

    @Test
    void writesIpv6WithItsLongestZeroRunShortened() {
        assertThat(Addresses.text(ip("0:0:0:0:0:0:0:1"))).isEqualTo("::1");
        assertThat(Addresses.text(ip("::"))).isEqualTo("::");
        assertThat(Addresses.text(ip("fd00:ec2:0:0:0:0:0:254"))).isEqualTo("fd00:ec2::254");
        assertThat(Addresses.text(ip("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
        assertThat(Addresses.text(ip("fe80::"))).isEqualTo("fe80::");
        assertThat(Addresses.text(ip("1:2:3:4:5:6:7:8"))).isEqualTo("1:2:3:4:5:6:7:8");
    }
}
