package io.edgecoord.device.network;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why a device's address is refused. The built-in rules, in the order they are tried, name the
 * blocks they cover; a device never needs them, while each reaches this machine or its cloud.
 */
public enum AddressRule {

    /** The address is in {@code edgecoord.device.network.deny}. */
    DENIED("in edgecoord.device.network.deny"),

    /** The address is this machine's own and the port one the coordinator listens on. */
    COORDINATOR_PORT("this machine's own address on a port the coordinator listens on"),

    /** {@code 0.0.0.0} reaches this machine on Linux; the rest of {@code 0.0.0.0/8} is "this network". */
    UNSPECIFIED("an unspecified address", "0.0.0.0/8", "::/128"),

    LOOPBACK("a loopback address", "127.0.0.0/8", "::1/128"),

    /**
     * Instance metadata and credential services: AWS, Azure, GCP, OpenStack, Oracle, DigitalOcean
     * (169.254.169.254), AWS ECS (169.254.170.2), EKS pod identity (169.254.170.23, fd00:ec2::23),
     * AWS over IPv6 (fd00:ec2::254), Alibaba (100.100.100.200), Azure's wire server
     * (168.63.129.16), Oracle Cloud Classic (192.0.0.192).
     */
    METADATA("a cloud metadata address", "169.254.169.254", "169.254.170.2", "169.254.170.23", "fd00:ec2::254",
            "fd00:ec2::23", "100.100.100.200", "168.63.129.16", "192.0.0.192"),

    LINK_LOCAL("a link-local address", "169.254.0.0/16", "fe80::/10"),

    MULTICAST("a multicast address", "224.0.0.0/4", "ff00::/8"),

    BROADCAST("the broadcast address", "255.255.255.255");

    private final String description;

    private final List<Cidr> blocks;

    AddressRule(String description, String... blocks) {
        this.description = description;
        this.blocks = Arrays.stream(blocks).map(Cidr::parse).toList();
    }

    /** The first built-in rule whose blocks hold the (canonical) address. */
    static Optional<AddressRule> builtIn(InetAddress address) {
        return Arrays.stream(values()).filter((rule) -> rule.covers(address)).findFirst();
    }

    /** Says what the rule refuses, as in "a loopback address". */
    public String description() {
        return this.description;
    }

    /** The blocks this built-in rule refuses; empty for the rules that depend on settings. */
    public List<Cidr> blocks() {
        return this.blocks;
    }

    boolean covers(InetAddress address) {
        return this.blocks.stream().anyMatch((block) -> block.contains(address));
    }
}
