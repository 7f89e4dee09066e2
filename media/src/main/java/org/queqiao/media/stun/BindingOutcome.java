package org.queqiao.media.stun;

/**
 * What the responder made of one datagram: the verdict, the length of the response it wrote (0 when it
 * stays silent), and for a valid check the local ufrag it matched and whether the peer nominated the pair.
 */
public record BindingOutcome(Verdict verdict, int responseLength, String localUfrag, boolean useCandidate, boolean iceControlling) {

    public enum Verdict {
        /** A valid connectivity check: answered with a Binding success response. */
        ACCEPTED,
        /** Not a well-formed STUN message, or a bad FINGERPRINT: dropped silently. */
        MALFORMED,
        /** Well-formed STUN that asks nothing of an ICE-lite agent (indications, responses): dropped. */
        IGNORED,
        /** Missing USERNAME or MESSAGE-INTEGRITY: answered 400. */
        BAD_REQUEST,
        /** Unknown ufrag, wrong remote ufrag or wrong MESSAGE-INTEGRITY: answered 401. */
        UNAUTHORIZED,
        /** The peer claims the controlled role too; a lite agent is always controlled: answered 487. */
        ROLE_CONFLICT
    }

    static BindingOutcome silent(Verdict verdict) {
        return new BindingOutcome(verdict, 0, null, false, false);
    }

    public boolean isAuthFailure() {
        return verdict == Verdict.BAD_REQUEST || verdict == Verdict.UNAUTHORIZED;
    }
}
