package org.queqiao.media.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.tls.DTLSTransport;
import org.queqiao.media.dtls.DtlsCertificate;
import org.queqiao.media.dtls.TestDtlsSrtpClient;
import org.queqiao.media.srtp.SrtpMasterKeys;
import org.queqiao.media.srtp.SrtpProfile;
import org.queqiao.media.srtp.SrtpReceiver;
import org.queqiao.media.srtp.SrtpSender;
import org.queqiao.media.stun.Stun;
import org.queqiao.media.stun.StunMessage;
import org.queqiao.media.stun.StunMessageWriter;

/** What a browser does on the wire, in miniature: STUN checks, the DTLS client handshake, SRTP both ways. */
public final class TestWebRtcClient implements AutoCloseable {
    public static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate();

    public final String ufrag = "cli" + new SecureRandom().nextInt(1000, 9999);
    public final String password = "client-password-abcdefghij";
    private final InetSocketAddress server;
    private DatagramSocket socket;
    private DTLSTransport dtls;
    private SrtpSender sender;
    private SrtpReceiver receiver;
    private int seq = 1000;

    public TestWebRtcClient(int serverPort) throws IOException {
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        this.socket = newSocket();
    }

    private DatagramSocket newSocket() throws IOException {
        DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        s.connect(server);
        return s;
    }

    /** Moves to a new local port, as after a network change. */
    void switchPort() throws IOException {
        socket.close();
        socket = newSocket();
    }

    InetSocketAddress localAddress() { return (InetSocketAddress) socket.getLocalSocketAddress(); }

    /** Sends a Binding request and returns the answer (skipping anything else that arrives). */
    public StunMessage check(String serverUfrag, String serverPassword, boolean nominate) throws IOException {
        return check(serverUfrag, serverPassword, ufrag, nominate);
    }

    /** A check with another ufrag of ours than the one this client announces (a client's ICE restart). */
    public StunMessage check(String serverUfrag, String serverPassword, String clientUfrag, boolean nominate) throws IOException {
        byte[] tid = new byte[12];
        new SecureRandom().nextBytes(tid);
        byte[] buf = new byte[512];
        var w = new StunMessageWriter(buf, 0, Stun.BINDING_REQUEST, tid)
                .username(serverUfrag + ":" + clientUfrag)
                .intAttribute(Stun.ATTR_PRIORITY, 0x6e0001ff)
                .tieBreaker(Stun.ATTR_ICE_CONTROLLING, 42L);
        if (nominate) w.flag(Stun.ATTR_USE_CANDIDATE);
        w.messageIntegrity(serverPassword.getBytes(StandardCharsets.UTF_8)).fingerprint();
        socket.send(new DatagramPacket(buf, w.length()));
        long deadline = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < deadline) {
            byte[] in = receiveRaw(3000);
            if (in == null) break;
            StunMessage m = StunMessage.parse(in, 0, in.length);
            if (m != null && Arrays.equals(m.transactionId(), tid)) return m;
        }
        return null;
    }

    public void handshake(String serverFingerprint, SrtpProfile... offered) throws IOException {
        var client = new TestDtlsSrtpClient(CERTIFICATE, serverFingerprint, offered);
        dtls = client.connect(socket);
        SrtpMasterKeys keys = client.keys();
        sender = keys.clientSender();
        receiver = keys.clientReceiver();
    }

    SrtpProfile profile(SrtpMasterKeys keys) { return keys.profile(); }

    void closeDtls() throws IOException { dtls.close(); }

    /** Sends one SRTP packet whose payload is {@code payload}. */
    void sendRtp(byte[] payload) throws IOException {
        byte[] p = new byte[12 + payload.length + 16];
        p[0] = (byte) 0x80;
        p[1] = 96;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq++;
        p[8] = 0x0a;
        p[11] = 0x01;
        System.arraycopy(payload, 0, p, 12, payload.length);
        int n = sender.protectRtp(p, 0, 12 + payload.length);
        sendRaw(p, n);
    }

    /** Protects and sends a whole RTP packet the caller built ({@code len} bytes; {@code packet} needs 16 spare bytes). */
    public void sendRtpPacket(byte[] packet, int len) throws IOException {
        sendRaw(packet, sender.protectRtp(packet, 0, len));
    }

    /** Protects and sends a compound RTCP packet the caller built ({@code packet} needs 20 spare bytes). */
    public void sendRtcpPacket(byte[] packet, int len) throws IOException {
        sendRaw(packet, sender.protectRtcp(packet, 0, len));
    }

    /** Sends an SRTCP receiver report (empty) with sender SSRC 0x0a000001. */
    void sendRtcp() throws IOException {
        byte[] p = new byte[8 + 20];
        p[0] = (byte) 0x80;
        p[1] = (byte) 201;
        p[3] = 1;
        p[4] = 0x0a;
        p[7] = 0x01;
        int n = sender.protectRtcp(p, 0, 8);
        sendRaw(p, n);
    }

    void sendRaw(byte[] bytes, int len) throws IOException {
        socket.send(new DatagramPacket(bytes, len));
    }

    /** The next SRTP or SRTCP packet from the server, decrypted; null on timeout. STUN answers are skipped. */
    public byte[] receiveMedia(int timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            byte[] in = receiveRaw((int) Math.max(1, deadline - System.currentTimeMillis()));
            if (in == null) return null;
            int first = in[0] & 0xff;
            if (first < 128 || first > 191) continue;
            boolean rtcp = (in[1] & 0xff) >= 192 && (in[1] & 0xff) <= 223;
            int n = rtcp ? receiver.unprotectRtcp(in, 0, in.length) : receiver.unprotectRtp(in, 0, in.length);
            if (n >= 0) return Arrays.copyOf(in, n);
        }
        return null;
    }

    private byte[] receiveRaw(int timeoutMillis) throws IOException {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.setSoTimeout(timeoutMillis);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(buf, p.getLength());
    }

    @Override
    public void close() {
        socket.close();
    }
}
