package org.queqiao.media.sdp;

/**
 * Our side of one ICE/DTLS transport as written into SDP: credentials, certificate fingerprint
 * ({@code sha-256 AB:CD:…}) and the one host candidate (the advertised address and the media port).
 */
public record LocalTransport(String ufrag, String password, String fingerprint, String address, int port) {
    String addressLine() { return (address.indexOf(':') >= 0 ? "IN IP6 " : "IN IP4 ") + address; }
}
