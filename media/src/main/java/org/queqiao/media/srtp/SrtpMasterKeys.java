package org.queqiao.media.srtp;

import java.util.Arrays;

/**
 * The master keys and salts of one DTLS-SRTP association, split as RFC 5764 §4.2 lays out the exported
 * keying material: client key, server key, client salt, server salt.
 */
public record SrtpMasterKeys(SrtpProfile profile, byte[] clientKey, byte[] clientSalt, byte[] serverKey, byte[] serverSalt) {

    public static SrtpMasterKeys fromKeyingMaterial(SrtpProfile profile, byte[] material) {
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("keying material of " + material.length + " bytes for " + profile);
        }
        int k = profile.keyLength();
        int s = profile.saltLength();
        return new SrtpMasterKeys(profile,
                Arrays.copyOfRange(material, 0, k),
                Arrays.copyOfRange(material, 2 * k, 2 * k + s),
                Arrays.copyOfRange(material, k, 2 * k),
                Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s));
    }

    /** What the DTLS server (us) protects with. */
    public SrtpSender serverSender() { return new SrtpSender(profile, serverKey, serverSalt); }

    /** What the DTLS server (us) unprotects the client's packets with. */
    public SrtpReceiver serverReceiver() { return new SrtpReceiver(profile, clientKey, clientSalt); }

    /** The client's side, for tests and for any client built on this package. */
    public SrtpSender clientSender() { return new SrtpSender(profile, clientKey, clientSalt); }

    public SrtpReceiver clientReceiver() { return new SrtpReceiver(profile, serverKey, serverSalt); }
}
