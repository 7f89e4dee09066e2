package org.queqiao.media.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Certificate fingerprints as SDP writes them (RFC 8122 §5): a hash name, a space, colon-separated hex. */
public final class CertificateFingerprint {
    private CertificateFingerprint() {}

    public static String sha256(byte[] der) {
        return format("sha-256", der);
    }

    /** The fingerprint of {@code der} with the named hash (sha-1, sha-224, sha-256, sha-384, sha-512). */
    public static String format(String hashName, byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance(hashName.toUpperCase(Locale.ROOT)).digest(der);
            return hashName.toLowerCase(Locale.ROOT) + " " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Whether a fingerprint from a remote SDP ("sha-256 ab:cd:..", any case) names this certificate. */
    public static boolean matches(String sdpFingerprint, byte[] der) {
        if (sdpFingerprint == null) return false;
        String trimmed = sdpFingerprint.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) return false;
        String actual = format(trimmed.substring(0, space), der);
        return actual != null && MessageDigest.isEqual(
                actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                (trimmed.substring(0, space).toLowerCase(Locale.ROOT) + " "
                        + trimmed.substring(space + 1).trim().toUpperCase(Locale.ROOT))
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
