package org.queqiao.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queqiao.media.client.DtlsSrtpClient;
import org.queqiao.media.srtp.SrtpMasterKeys;
import org.queqiao.media.srtp.SrtpProfile;

/** The DTLS server side against bctls's real client, over UDP on 127.0.0.1. */
class DtlsSessionTest {
    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate();
    private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate();

    private final CompletableFuture<SrtpMasterKeys> serverKeys = new CompletableFuture<>();
    private final CompletableFuture<Exception> serverFailure = new CompletableFuture<>();
    private final CompletableFuture<Boolean> serverSawClose = new CompletableFuture<>();
    private DatagramSocket serverSocket;
    private DatagramSocket clientSocket;
    private DtlsSession session;

    private void startServer(String expectedClientFingerprint) throws Exception {
        serverSocket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        clientSocket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        clientSocket.connect(serverSocket.getLocalSocketAddress());
        InetSocketAddress client = (InetSocketAddress) clientSocket.getLocalSocketAddress();
        session = new DtlsSession(SERVER_CERT, expectedClientFingerprint,
                (buf, off, len) -> serverSocket.send(new DatagramPacket(buf, off, len, client)),
                new DtlsSession.Listener() {
                    public void onHandshakeComplete(SrtpMasterKeys keys) { serverKeys.complete(keys); }
                    public void onHandshakeFailed(Exception cause) { serverFailure.complete(cause); }
                    public void onClosed() { serverSawClose.complete(true); }
                });
        session.start("dtls-test");
        Thread.ofPlatform().daemon().start(() -> { // stands in for the socket's reader thread
            byte[] buf = new byte[2048];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                while (true) {
                    serverSocket.receive(p);
                    session.offer(buf, 0, p.getLength());
                }
            } catch (Exception closed) {
                // socket closed at the end of the test
            }
        });
    }

    @AfterEach
    void tearDown() {
        if (session != null) session.close();
        if (clientSocket != null) clientSocket.close();
        if (serverSocket != null) serverSocket.close();
    }

    @Test
    void handshakeAgreesOnGcmAndBothSidesExportTheSameKeys() throws Exception {
        startServer(CLIENT_CERT.fingerprint());
        var client = new DtlsSrtpClient(CLIENT_CERT, SERVER_CERT.fingerprint(),
                SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM);

        DTLSTransport dtls = client.connect(clientSocket);

        SrtpMasterKeys keys = serverKeys.get(10, TimeUnit.SECONDS);
        assertThat(keys.profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM); // our preference, not the client's order
        assertThat(keys.clientKey()).isEqualTo(client.keys().clientKey());
        assertThat(keys.serverSalt()).isEqualTo(client.keys().serverSalt());
        assertThat(keys.clientKey()).isNotEqualTo(keys.serverKey());

        dtls.close(); // close_notify
        assertThat(serverSawClose.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void clientOfferingOnlyAesCmGetsAesCm() throws Exception {
        startServer(CLIENT_CERT.fingerprint());
        var client = new DtlsSrtpClient(CLIENT_CERT, SERVER_CERT.fingerprint(), SrtpProfile.AES128_CM_HMAC_SHA1_80);
        client.connect(clientSocket);
        assertThat(serverKeys.get(10, TimeUnit.SECONDS).profile()).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
    }

    @Test
    void clientCertificateNotMatchingTheSdpFingerprintFailsTheHandshake() throws Exception {
        startServer(DtlsCertificate.generate().fingerprint());
        var client = new DtlsSrtpClient(CLIENT_CERT, SERVER_CERT.fingerprint(), SrtpProfile.AEAD_AES_128_GCM);

        assertThatThrownBy(() -> client.connect(clientSocket)).isInstanceOf(java.io.IOException.class);
        assertThat(serverFailure.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(serverKeys).isNotDone();
    }

    @Test
    void fingerprintIsFormattedAsInSdpAndMatchesCaseInsensitively() {
        String fp = SERVER_CERT.fingerprint();
        assertThat(fp).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(CertificateFingerprint.matches(fp.toLowerCase().replace("sha-256", "SHA-256"), SERVER_CERT.der())).isTrue();
        assertThat(CertificateFingerprint.matches(fp, CLIENT_CERT.der())).isFalse();
        assertThat(CertificateFingerprint.matches("sha-1 " + fp.substring(8), SERVER_CERT.der())).isFalse();
        assertThat(CertificateFingerprint.matches("garbage", SERVER_CERT.der())).isFalse();
    }
}
