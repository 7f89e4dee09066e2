package org.queqiao.media.client;

import java.io.IOException;
import java.net.DatagramSocket;
import java.security.SecureRandom;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UDPTransport;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.queqiao.media.dtls.CertificateFingerprint;
import org.queqiao.media.dtls.DtlsCertificate;
import org.queqiao.media.srtp.SrtpMasterKeys;
import org.queqiao.media.srtp.SrtpProfile;

/**
 * A browser's side of DTLS-SRTP on bctls's real client protocol: DTLS 1.2, ECDHE-ECDSA, {@code use_srtp} with
 * the profiles offered (in order), our certificate for the server's client-certificate request, the server's
 * certificate checked against the fingerprint from its SDP, and the SRTP master keys from the exporter.
 * For interop tests, load generation and server-side clients (recording); not on any server path.
 */
public final class DtlsSrtpClient extends DefaultTlsClient {
    private final DtlsCertificate certificate;
    private final String expectedServerFingerprint;
    private final int[] offeredProfiles;
    private SrtpProfile selected;
    private SrtpMasterKeys keys;

    public DtlsSrtpClient(DtlsCertificate certificate, String expectedServerFingerprint, SrtpProfile... offered) {
        super(new BcTlsCrypto(new SecureRandom()));
        this.certificate = certificate;
        this.expectedServerFingerprint = expectedServerFingerprint;
        this.offeredProfiles = java.util.Arrays.stream(offered).mapToInt(SrtpProfile::id).toArray();
    }

    /**
     * Runs the handshake over a socket connected to the server (blocking; a {@code DatagramChannel}'s socket
     * adaptor will do); returns the transport for close_notify.
     */
    public DTLSTransport connect(DatagramSocket connectedSocket) throws IOException {
        return new DTLSClientProtocol().connect(this, new UDPTransport(connectedSocket, 1500));
    }

    public SrtpMasterKeys keys() { return keys; }

    @Override
    protected ProtocolVersion[] getSupportedVersions() { return ProtocolVersion.DTLSv12.only(); }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
    }

    @Override
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = org.bouncycastle.tls.TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(offeredProfiles, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        selected = SrtpProfile.byId(TlsSRTPUtils.getUseSRTPExtension(serverExtensions).getProtectionProfiles()[0]);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keys = SrtpMasterKeys.fromKeyingMaterial(selected,
                context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, selected.keyingMaterialLength()));
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                byte[] der = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
                if (!CertificateFingerprint.matches(expectedServerFingerprint, der)) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate);
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), (BcTlsCrypto) getCrypto(),
                        certificate.privateKey(), certificate.chain(getCrypto()),
                        new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
            }
        };
    }
}
