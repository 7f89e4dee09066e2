package org.queqiao.media.transport;

import java.time.Duration;

/**
 * How the media socket binds and when a transport counts as disconnected.
 *
 * @param bindAddress        address to bind, default 0.0.0.0 (all interfaces)
 * @param port               UDP port, default 10000; 0 picks an ephemeral port (tests)
 * @param receiveBufferBytes SO_RCVBUF to ask the kernel for; bursts of video need more than the default
 * @param sendBufferBytes    SO_SNDBUF to ask for; one read pass's fan-out leaves in one sendmmsg (up to 16
 *                           packets × fan-out datagrams), more than the kernel's default 208 KB
 * @param consentTimeout     no valid connectivity check for this long fires onDisconnected (browsers send
 *                           one every ~5 s, RFC 7675)
 */
public record MediaSocketSettings(String bindAddress, int port, int receiveBufferBytes, int sendBufferBytes, Duration consentTimeout) {
    public static final int DEFAULT_PORT = 10000;

    public MediaSocketSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (receiveBufferBytes <= 0) throw new IllegalArgumentException("receive buffer must be positive");
        if (sendBufferBytes <= 0) throw new IllegalArgumentException("send buffer must be positive");
        if (consentTimeout.isNegative() || consentTimeout.isZero()) throw new IllegalArgumentException("consent timeout must be positive");
    }

    public static MediaSocketSettings defaults() {
        return new MediaSocketSettings("0.0.0.0", DEFAULT_PORT, 4 * 1024 * 1024, 4 * 1024 * 1024, Duration.ofSeconds(8));
    }

    public MediaSocketSettings withBindAddress(String address) {
        return new MediaSocketSettings(address, port, receiveBufferBytes, sendBufferBytes, consentTimeout);
    }

    public MediaSocketSettings withPort(int newPort) {
        return new MediaSocketSettings(bindAddress, newPort, receiveBufferBytes, sendBufferBytes, consentTimeout);
    }

    public MediaSocketSettings withReceiveBufferBytes(int bytes) {
        return new MediaSocketSettings(bindAddress, port, bytes, sendBufferBytes, consentTimeout);
    }

    public MediaSocketSettings withSendBufferBytes(int bytes) {
        return new MediaSocketSettings(bindAddress, port, receiveBufferBytes, bytes, consentTimeout);
    }

    public MediaSocketSettings withConsentTimeout(Duration timeout) {
        return new MediaSocketSettings(bindAddress, port, receiveBufferBytes, sendBufferBytes, timeout);
    }
}
