package io.edgecoord.device.network;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrTests {

    @Test
    void anIpv4BlockHoldsItsAddressesAndNoOthers() {
        Cidr block = Cidr.parse("172.16.0.0/12");
        assertThat(block.contains(ip("172.16.0.0"))).isTrue();
        assertThat(block.contains(ip("172.31.255.255"))).isTrue();
        assertThat(block.contains(ip("172.32.0.0"))).isFalse();
        assertThat(block.contains(ip("172.15.255.255"))).isFalse();
        assertThat(block).hasToString("172.16.0.0/12");
    }

    @Test
    void anIpv6BlockHoldsItsAddressesAndNoOthers() {
        Cidr block = Cidr.parse("fe80::/10");
        assertThat(block.contains(ip("fe80::1"))).isTrue();
        assertThat(block.contains(ip("febf:ffff::1"))).isTrue();
        assertThat(block.contains(ip("fec0::1"))).isFalse();
        assertThat(block).hasToString("fe80::/10");
    }

    @Test
    void anAddressWithoutPrefixIsABlockOfOne() {
        Cidr one = Cidr.parse(" 127.0.0.1 ");
        assertThat(one.isSingleAddress()).isTrue();
        assertThat(one.contains(ip("127.0.0.1"))).isTrue();
        assertThat(one.contains(ip("127.0.0.2"))).isFalse();
        assertThat(Cidr.parse("::1").isSingleAddress()).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").isSingleAddress()).isFalse();
    }

    @Test
    void slashZeroHoldsEveryAddressOfItsFamilyOnly() {
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("2001:db8::1"))).isFalse();
        assertThat(Cidr.parse("::/0").contains(ip("2001:db8::1"))).isTrue();
        assertThat(Cidr.parse("::/0").contains(ip("203.0.113.9"))).isFalse();
    }

    @Test
    void ipv4MappedAddressesMatchAsTheIpv4AddressTheyCarry() {
        assertThat(Cidr.parse("127.0.0.0/8").contains(ip("::ffff:127.0.0.1"))).isTrue();
        assertThat(Cidr.parse("::ffff:10.0.0.0/104")).isEqualTo(Cidr.parse("10.0.0.0/8"));
    }

    @Test
    void refusesNamesGarbageAndAmbiguousNumbers() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("localhost/8"))
            .withMessageContaining("'localhost/8' is not an IPv4 or IPv6 CIDR block");
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("256.1.1.1"));
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("010.0.0.1"));
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0"));
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("fe80::1%eth0"));
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(""));
    }

    @Test
    void refusesPrefixLengthsOutsideTheFamily() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/33"))
            .withMessageContaining("outside 0..32");
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("::/129"));
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/"));
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/-1"));
    }

    @Test
    void refusesABlockWithHostBitsSetAndSaysWhatWasMeant() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.5/8"))
            .withMessageContaining("did you mean 10.0.0.0/8?");
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("fd00::1/8"))
            .withMessageContaining("did you mean fd00::/8?");
    }

    static java.net.InetAddress ip(String literal) {
        return Addresses.literal(literal).orElseThrow();
    }
}
