package org.queqiao.media.sfu;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * The address to put in our host candidate when the operator has not configured one
 * ({@code media.advertised-address}): the first IPv4 address of an interface that is up and not
 * loopback, which is what browsers on the same host or LAN reach; loopback only when there is nothing
 * else. Behind NAT or on a public cloud the operator must configure the public address.
 */
public final class HostAddress {
    private HostAddress() {}

    public static String advertised(String configured) {
        if (configured != null && !configured.isBlank()) return configured.trim();
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
}
