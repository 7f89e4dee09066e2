package org.queqiao.meetings.guest;

import org.queqiao.platform.auth.OpaqueTokens;

/** Guest tokens ({@code qg_}), told apart from members' tokens ({@code qq_}) without a lookup; only their SHA-256 is stored. */
public final class GuestTokens {
    static final String PREFIX = "qg_";

    private GuestTokens() {}

    static String newToken() {
        return OpaqueTokens.newToken(PREFIX);
    }

    public static boolean isGuestToken(String token) {
        return OpaqueTokens.hasShape(token, PREFIX);
    }

    static byte[] hash(String token) {
        return OpaqueTokens.sha256(token);
    }
}
