package io.edgecoord.device.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.edgecoord.device.network.CidrTests.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Resolution, then the decision for every address; nothing here opens a connection. */
class AddressGuardTests {

    private static final NetworkPolicy DEFAULTS = NetworkPolicy.of(List.of(), List.of());

    @Test
    void localhostResolvesToLoopbackAndIsRefused() {
        AddressGuard guard = new AddressGuard(DEFAULTS, () -> OwnEndpoints.NONE);
        assertThatExceptionOfType(AddressRefusedException.class).isThrownBy(() -> guard.admit("localhost", 8080))
            .satisfies((ex) -> assertThat(ex.rule()).isEqualTo(AddressRule.LOOPBACK))
            .withMessageStartingWith("localhost resolves to ")
            .withMessageContaining("which is a loopback address; allow it with edgecoord.device.network.allow");
    }

    @Test
    void literalsAreJudgedWithoutResolvingAnything() throws Exception {
        AddressGuard guard = new AddressGuard(DEFAULTS, () -> OwnEndpoints.NONE, (host) -> {
            throw new AssertionError("resolved " + host);
        });
        assertThat(guard.admit("10.0.0.5", 80)).containsExactly(ip("10.0.0.5"));
        assertThat(guard.admit("[fd00::5]", 80)).containsExactly(ip("fd00::5"));
        assertThatExceptionOfType(AddressRefusedException.class).isThrownBy(() -> guard.admit("[::1]", 80))
            .withMessage("::1 is a loopback address; allow it with edgecoord.device.network.allow");
        assertThatExceptionOfType(AddressRefusedException.class).isThrownBy(() -> guard.admit("[::ffff:127.0.0.1]", 80))
            .satisfies((ex) -> assertThat(ex.rule()).isEqualTo(AddressRule.LOOPBACK));
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIs() {
        AddressGuard guard = new AddressGuard(DEFAULTS, () -> OwnEndpoints.NONE,
                fixed(Map.of("plc.lan", new InetAddress[] { ip("10.0.0.5"), ip("169.254.169.254") })));
        assertThatExceptionOfType(AddressRefusedException.class).isThrownBy(() -> guard.admit("plc.lan", 80))
            .withMessageStartingWith("plc.lan resolves to 169.254.169.254, which is a cloud metadata address");
    }

    @Test
    void aNameThatLaterResolvesToLoopbackIsRefusedThen() throws Exception {
        Deque<InetAddress> answers = new ArrayDeque<>(List.of(ip("10.0.0.5"), ip("127.0.0.1")));
        AddressGuard guard = new AddressGuard(DEFAULTS, () -> OwnEndpoints.NONE,
                (host) -> new InetAddress[] { answers.removeFirst() });
        assertThat(guard.admit("rebind.example", 80)).containsExactly(ip("10.0.0.5"));
        assertThatExceptionOfType(AddressRefusedException.class).isThrownBy(() -> guard.admit("rebind.example", 80))
            .withMessageStartingWith("rebind.example resolves to 127.0.0.1, which is a loopback address");
    }

    @Test
    void theOwnPortsAreReadAtEveryCheck() throws Exception {
        NetworkPolicy loopback = NetworkPolicy.of(List.of("127.0.0.0/8"), List.of());
        Deque<OwnEndpoints> own = new ArrayDeque<>(
                List.of(OwnEndpoints.NONE, new OwnEndpoints(Set.of(9000), Set.of())));
        AddressGuard guard = new AddressGuard(loopback, own::removeFirst);
        assertThat(guard.admit("127.0.0.1", 9000)).containsExactly(ip("127.0.0.1"));
        assertThatExceptionOfType(AddressRefusedException.class).isThrownBy(() -> guard.admit("127.0.0.1", 9000))
            .satisfies((ex) -> assertThat(ex.rule()).isEqualTo(AddressRule.COORDINATOR_PORT));
    }

    @Test
    void aNameThatDoesNotResolveIsUnknownNotRefused() {
        AddressGuard guard = new AddressGuard(DEFAULTS, () -> OwnEndpoints.NONE, fixed(Map.of()));
        assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> guard.admit("gone.lan", 80))
            .isNotInstanceOf(AddressRefusedException.class);
    }

    private static AddressGuard.HostResolver fixed(Map<String, InetAddress[]> names) {
        return (host) -> {
            InetAddress[] addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses;
        };
    }
}
