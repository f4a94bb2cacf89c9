package io.edgecoord.device.network;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses devices may have: a pure decision over one address and port. {@code deny}
 * always wins; then the coordinator's own ports on this machine's addresses are refused whatever
 * the settings say; then {@code allow} re-opens what a built-in rule refuses, except that a cloud
 * metadata address is re-opened only by an entry naming that address alone; everything else,
 * private ranges included, is allowed.
 *
 * @param allow blocks re-opened ({@code edgecoord.device.network.allow})
 * @param deny blocks always refused ({@code edgecoord.device.network.deny})
 */
public record NetworkPolicy(List<Cidr> allow, List<Cidr> deny) {

    static final String ALLOW = "edgecoord.device.network.allow";

    static final String DENY = "edgecoord.device.network.deny";

    private static final AddressVerdict ALLOWED = new AddressVerdict.Allowed();

    public NetworkPolicy {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    /** Parses the settings' CIDR lists; a bad entry fails with the setting's name. */
    public static NetworkPolicy of(List<String> allow, List<String> deny) {
        return new NetworkPolicy(parse(ALLOW, allow), parse(DENY, deny));
    }

    /** The verdict on connecting to {@code address} at {@code port}. */
    public AddressVerdict decide(InetAddress address, int port, OwnEndpoints own) {
        InetAddress canonical = Addresses.canonical(address);
        String text = Addresses.text(canonical);
        Optional<Cidr> denied = this.deny.stream().filter((block) -> block.contains(canonical)).findFirst();
        if (denied.isPresent()) {
            return new AddressVerdict.Refused(AddressRule.DENIED, text, "in " + DENY + " (" + denied.get() + ")");
        }
        if (own.includes(canonical, port)) {
            return new AddressVerdict.Refused(AddressRule.COORDINATOR_PORT, text, "this machine's own address, and "
                    + port + " is a port the coordinator itself listens on; no setting allows it");
        }
        Optional<AddressRule> rule = AddressRule.builtIn(canonical);
        if (rule.isEmpty() || reopened(rule.get(), canonical)) {
            return ALLOWED;
        }
        String how = (rule.get() == AddressRule.METADATA)
                ? "; allow it with " + ALLOW + " naming it alone (" + text + "/" + (canonical.getAddress().length * 8) + ")"
                : "; allow it with " + ALLOW;
        return new AddressVerdict.Refused(rule.get(), text, rule.get().description() + how);
    }

    private boolean reopened(AddressRule rule, InetAddress address) {
        return this.allow.stream()
            .anyMatch((block) -> block.contains(address) && (rule != AddressRule.METADATA || block.isSingleAddress()));
    }

    private static List<Cidr> parse(String setting, List<String> blocks) {
        return blocks.stream().map((block) -> {
            try {
                return Cidr.parse(block);
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(setting + ": " + ex.getMessage(), ex);
            }
        }).toList();
    }
}
