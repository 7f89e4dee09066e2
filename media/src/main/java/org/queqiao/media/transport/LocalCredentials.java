package org.queqiao.media.transport;

import java.security.SecureRandom;
import org.queqiao.media.stun.IceCredentials;

/**
 * Random ICE credentials (RFC 8839 §5.4: ufrag at least 4 and password at least 22 ice-chars, with at least
 * 24 and 128 bits of randomness). Ours: 8 and 24 characters from the 64 ice-chars, 48 and 144 bits.
 */
final class LocalCredentials {
    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalCredentials() {}

    static IceCredentials fresh(String remoteUfrag) {
        return new IceCredentials(random(8), random(24), remoteUfrag);
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = ICE_CHARS[RANDOM.nextInt(ICE_CHARS.length)];
        return new String(chars);
    }
}
