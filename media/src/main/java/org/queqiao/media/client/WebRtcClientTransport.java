package org.queqiao.media.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.tls.DTLSTransport;
import org.queqiao.media.dtls.DtlsCertificate;
import org.queqiao.media.srtp.SrtpMasterKeys;
import org.queqiao.media.srtp.SrtpProfile;
import org.queqiao.media.srtp.SrtpReceiver;
import org.queqiao.media.srtp.SrtpSender;
import org.queqiao.media.stun.Stun;
import org.queqiao.media.stun.StunMessage;
import org.queqiao.media.stun.StunMessageWriter;

/**
 * The client side of one WebRTC peer connection, as a browser does it on the wire: a UDP channel connected
 * to the server's media port, ICE connectivity checks (we are the controlling agent), the DTLS client
 * handshake with {@code use_srtp}, then SRTP and SRTCP both ways with the exported keys.
 *
 * <p>For interop tests, load generation and (later) server-side clients such as recording. Setup
 * ({@link #check}, {@link #handshake}) blocks; afterwards {@link #channel()} may be switched to non-blocking
 * mode and driven by a selector, with {@link #sender()} and {@link #receiver()} doing the SRTP. Sending is
 * thread-safe ({@link SrtpSender} is); receiving is for one thread.
 */
public class WebRtcClientTransport implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    public final String ufrag = "cli" + RANDOM.nextInt(100_000, 1_000_000);
    public final String password = "client-pwd-" + Long.toHexString(RANDOM.nextLong()) + "-x";
    private final InetSocketAddress server;
    private final DtlsCertificate certificate;
    private DatagramChannel channel;
    private DTLSTransport dtls;
    private SrtpProfile profile;
    private SrtpSender sender;
    private SrtpReceiver receiver;
    private volatile String serverUfrag;
    private volatile String serverPassword;

    /** Binds an ephemeral port on the local address the server is reached from and connects it there. */
    public WebRtcClientTransport(InetSocketAddress server, DtlsCertificate certificate) throws IOException {
        this.server = server;
        this.certificate = certificate;
        this.channel = open();
    }

    private DatagramChannel open() throws IOException {
        DatagramChannel c = DatagramChannel.open();
        try {
            c.bind(new InetSocketAddress(server.getAddress().isLoopbackAddress() ? server.getAddress() : null, 0));
            c.connect(server);
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Moves to a new local port, as after a network change (DTLS and SRTP state stay). */
    public void switchPort() throws IOException {
        channel.close();
        channel = open();
    }

    public DtlsCertificate certificate() { return certificate; }

    public DatagramChannel channel() { return channel; }

    public InetSocketAddress localAddress() throws IOException { return (InetSocketAddress) channel.getLocalAddress(); }

    /** The profile the server chose; null before the handshake. */
    public SrtpProfile profile() { return profile; }

    /** Protects what we send (after {@link #handshake}). */
    public SrtpSender sender() { return sender; }

    /** Unprotects what the server sends (after {@link #handshake}); one thread at a time. */
    public SrtpReceiver receiver() { return receiver; }

    /**
     * Writes a Binding request with our credentials into {@code buf} (512 bytes will do) and returns its
     * length; its transaction id goes into {@code transactionId}.
     */
    public int writeCheck(byte[] buf, String serverUfrag, String serverPassword, boolean nominate, byte[] transactionId) {
        return writeCheck(buf, serverUfrag, serverPassword, ufrag, nominate, transactionId);
    }

    private int writeCheck(byte[] buf, String serverUfrag, String serverPassword, String clientUfrag, boolean nominate, byte[] transactionId) {
        RANDOM.nextBytes(transactionId);
        var w = new StunMessageWriter(buf, 0, Stun.BINDING_REQUEST, transactionId)
                .username(serverUfrag + ":" + clientUfrag)
                .intAttribute(Stun.ATTR_PRIORITY, 0x6e0001ff)
                .tieBreaker(Stun.ATTR_ICE_CONTROLLING, 42L);
        if (nominate) w.flag(Stun.ATTR_USE_CANDIDATE);
        w.messageIntegrity(serverPassword.getBytes(StandardCharsets.UTF_8)).fingerprint();
        return w.length();
    }

    /** Sends a Binding request and returns the answer (skipping anything else that arrives), null after 3 s. */
    public StunMessage check(String serverUfrag, String serverPassword, boolean nominate) throws IOException {
        return check(serverUfrag, serverPassword, ufrag, nominate);
    }

    /** A check with another ufrag of ours than the one announced so far: a client's ICE restart, before its answer arrives. */
    public StunMessage check(String serverUfrag, String serverPassword, String clientUfrag, boolean nominate) throws IOException {
        byte[] tid = new byte[12];
        byte[] buf = new byte[512];
        sendRaw(buf, writeCheck(buf, serverUfrag, serverPassword, clientUfrag, nominate, tid));
        long deadline = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < deadline) {
            byte[] in = receiveRaw(3000);
            if (in == null) break;
            StunMessage m = StunMessage.parse(in, 0, in.length);
            if (m != null && Arrays.equals(m.transactionId(), tid)) {
                if (m.type() == Stun.BINDING_SUCCESS) {
                    this.serverPassword = serverPassword;
                    this.serverUfrag = serverUfrag;
                }
                return m;
            }
        }
        return null;
    }

    /** Whether a check has succeeded, so that {@link #sendConsentCheck} has credentials to use. */
    public boolean hasConsentCredentials() { return serverUfrag != null; }

    /**
     * A consent-freshness check (RFC 7675) with the credentials of the last successful {@link #check}, not
     * waited for: browsers send one every ~5 s. Returns false when it could not be sent at once.
     */
    public boolean sendConsentCheck(byte[] scratch) throws IOException {
        String u = serverUfrag;
        if (u == null) throw new IllegalStateException("no successful check yet");
        int n = writeCheck(scratch, u, serverPassword, false, new byte[12]);
        return channel.write(ByteBuffer.wrap(scratch, 0, n)) > 0;
    }

    /** The DTLS client handshake (blocking, on a blocking channel); SRTP keys afterwards. */
    public void handshake(String serverFingerprint, SrtpProfile... offered) throws IOException {
        var client = new DtlsSrtpClient(certificate, serverFingerprint, offered);
        dtls = client.connect(channel.socket());
        SrtpMasterKeys keys = client.keys();
        profile = keys.profile();
        sender = keys.clientSender();
        receiver = keys.clientReceiver();
    }

    /** Sends close_notify. */
    public void closeDtls() throws IOException { dtls.close(); }

    /** Protects a whole RTP packet in place ({@code len} bytes; {@code packet} needs 16 spare bytes) and sends it. */
    public boolean sendRtpPacket(byte[] packet, int len) throws IOException {
        int n = sender.protectRtp(packet, 0, len);
        return n >= 0 && sendRaw(packet, n);
    }

    /** Protects a compound RTCP packet in place ({@code packet} needs 20 spare bytes) and sends it. */
    public boolean sendRtcpPacket(byte[] packet, int len) throws IOException {
        int n = sender.protectRtcp(packet, 0, len);
        return n >= 0 && sendRaw(packet, n);
    }

    /** Sends bytes as they are; false when a non-blocking channel had no room. */
    public boolean sendRaw(byte[] bytes, int len) throws IOException {
        return channel.write(ByteBuffer.wrap(bytes, 0, len)) > 0;
    }

    /** The next SRTP or SRTCP packet from the server, decrypted; null on timeout. Anything else is skipped. */
    public byte[] receiveMedia(int timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            byte[] in = receiveRaw((int) Math.max(1, deadline - System.currentTimeMillis()));
            if (in == null) return null;
            int first = in[0] & 0xff;
            if (first < 128 || first > 191) continue;
            boolean rtcp = in.length > 1 && (in[1] & 0xff) >= 192 && (in[1] & 0xff) <= 223;
            int n = rtcp ? receiver.unprotectRtcp(in, 0, in.length) : receiver.unprotectRtp(in, 0, in.length);
            if (n >= 0) return Arrays.copyOf(in, n);
        }
        return null;
    }

    /** The next datagram (blocking channel), or null on timeout. */
    public byte[] receiveRaw(int timeoutMillis) throws IOException {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        channel.socket().setSoTimeout(timeoutMillis);
        try {
            channel.socket().receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(buf, p.getLength());
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a UDP channel does not fail in a way worth reporting
        }
    }
}
