package org.queqiao.media.sfu;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * The address to put in our host candidate when the operator has not configured one
 * ({@code media.advertised-address}): the source address of the default route, found by "connecting" a
 * UDP socket (no packet is sent); without a default route, the first IPv4 address of an interface that
 * is up and not loopback; loopback only when there is nothing else. The default route wins over
 * interface order because interfaces come and go (a container's or a test's veth must not be chosen).
 * Behind NAT or on a public cloud the operator must configure the public address.
 */
public final class HostAddress {
    private HostAddress() {}

    public static String advertised(String configured) {
        if (configured != null && !configured.isBlank()) return configured.trim();
        String routed = defaultRouteSource();
        if (routed != null) return routed;
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) continue;
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) return a.getHostAddress();
                }
            }
        } catch (SocketException e) {
            // fall through to loopback: a machine without interfaces can still serve itself
        }
        return "127.0.0.1";
    }

    private static String defaultRouteSource() {
        try (var probe = new java.net.DatagramSocket()) {
            // TEST-NET-3: never answered, and connect() on UDP only asks the kernel which route it would take.
            probe.connect(InetAddress.getByName("203.0.113.1"), 9);
            InetAddress local = probe.getLocalAddress();
            return local == null || local.isAnyLocalAddress() || local.isLoopbackAddress() ? null : local.getHostAddress();
        } catch (java.io.IOException | RuntimeException e) {
            return null; // no route at all: fall back to the interfaces
        }
    }
}
