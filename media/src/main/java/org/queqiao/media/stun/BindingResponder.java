package org.queqiao.media.stun;

import java.net.InetSocketAddress;
import java.util.function.Function;
import org.queqiao.media.stun.BindingOutcome.Verdict;

/**
 * The ICE-lite side of connectivity checks (RFC 8445 §7.3 with RFC 8489 §9.1.3): verifies a Binding
 * request and writes the answer.
 *
 * <p>Authentication failures are answered, not dropped: RFC 8445 §7.3 defers to the STUN short-term
 * credential rules, which call for 400 when USERNAME or MESSAGE-INTEGRITY is missing and 401 when the
 * username is unknown or the integrity check fails (without MESSAGE-INTEGRITY, since we have no key the
 * sender shares). The browser then fails that candidate pair at once instead of retrying for seconds. The
 * error is smaller than the request, so the port cannot be used to amplify traffic. What is not STUN for
 * ICE at all (bad structure, bad or missing FINGERPRINT) is dropped silently.
 */
public final class BindingResponder {
    private final Function<String, IceCredentials> credentialsByLocalUfrag;

    /** @param credentialsByLocalUfrag finds a transport's credentials by our ufrag; null when unknown */
    public BindingResponder(Function<String, IceCredentials> credentialsByLocalUfrag) {
        this.credentialsByLocalUfrag = credentialsByLocalUfrag;
    }

    /** Examines a datagram from {@code from} and writes any response into {@code out} (512 bytes suffice). */
    public BindingOutcome handle(byte[] buf, int off, int len, InetSocketAddress from, byte[] out) {
        StunMessage request = StunMessage.parse(buf, off, len);
        if (request == null || !request.hasValidFingerprint()) return BindingOutcome.silent(Verdict.MALFORMED);
        if (request.type() != Stun.BINDING_REQUEST) return BindingOutcome.silent(Verdict.IGNORED);

        String username = request.username();
        if (username == null || !request.has(Stun.ATTR_MESSAGE_INTEGRITY)) {
            return error(Verdict.BAD_REQUEST, 400, "Bad Request", request, out);
        }
        int colon = username.indexOf(':');
        String localUfrag = colon < 0 ? username : username.substring(0, colon);
        IceCredentials credentials = credentialsByLocalUfrag.apply(localUfrag);
        if (credentials == null || colon < 0
                || (credentials.remoteUfrag() != null && !credentials.remoteUfrag().equals(username.substring(colon + 1)))
                || !request.hasValidIntegrity(credentials.key())) {
            return error(Verdict.UNAUTHORIZED, 401, "Unauthorized", request, out);
        }
        if (request.has(Stun.ATTR_ICE_CONTROLLED) && !request.has(Stun.ATTR_ICE_CONTROLLING)) {
            int n = new StunMessageWriter(out, 0, Stun.BINDING_ERROR, request.transactionId())
                    .errorCode(487, "Role Conflict").messageIntegrity(credentials.key()).fingerprint().length();
            return new BindingOutcome(Verdict.ROLE_CONFLICT, n, credentials.localUfrag(), false, false);
        }
        int n = new StunMessageWriter(out, 0, Stun.BINDING_SUCCESS, request.transactionId())
                .xorMappedAddress(from).messageIntegrity(credentials.key()).fingerprint().length();
        return new BindingOutcome(Verdict.ACCEPTED, n, credentials.localUfrag(),
                request.has(Stun.ATTR_USE_CANDIDATE), request.has(Stun.ATTR_ICE_CONTROLLING));
    }

    private static BindingOutcome error(Verdict verdict, int code, String reason, StunMessage request, byte[] out) {
        int n = new StunMessageWriter(out, 0, Stun.BINDING_ERROR, request.transactionId())
                .errorCode(code, reason).fingerprint().length();
        return new BindingOutcome(verdict, n, null, false, false);
    }
}
