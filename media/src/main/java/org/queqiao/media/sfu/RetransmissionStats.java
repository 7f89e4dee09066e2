package org.queqiao.media.sfu;

import java.util.concurrent.atomic.LongAdder;
import org.queqiao.media.forward.RetransmissionResponder;
import org.queqiao.media.sdp.MediaKind;

/**
 * What the router did with the packets subscribers NACKed, per media kind: resent, or not, and why; and the
 * copies it sent unasked (ADR 0009 §16). For operators (on {@code /metrics}) and for the loss benchmark: a NACK
 * answered by nothing is where repair fails, and it used to fail silently.
 */
public final class RetransmissionStats {
    /** The outcomes, in the order of {@link #count}'s index. */
    public enum Outcome { RESENT, NOT_CACHED, TOO_OLD, RESENT_RECENTLY, COPIED }

    private final LongAdder[] audio = adders();
    private final LongAdder[] video = adders();

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[Outcome.values().length];
        for (int i = 0; i < a.length; i++) a[i] = new LongAdder();
        return a;
    }

    public long count(MediaKind kind, Outcome outcome) {
        return (kind == MediaKind.AUDIO ? audio : video)[outcome.ordinal()].sum();
    }

    /**
     * One responder's counts since its last report. It is not thread-safe (its reader thread owns it), so the
     * {@link Outgoing} that owns it reports what changed after each NACK.
     */
    final class Reporter {
        private final LongAdder[] into;
        private long resent, notCached, tooOld, recently, copied;

        Reporter(MediaKind kind) {
            this.into = kind == MediaKind.AUDIO ? audio : video;
        }

        void report(RetransmissionResponder r) {
            resent = add(Outcome.RESENT, r.retransmitted(), resent);
            notCached = add(Outcome.NOT_CACHED, r.notCached(), notCached);
            tooOld = add(Outcome.TOO_OLD, r.tooOld(), tooOld);
            recently = add(Outcome.RESENT_RECENTLY, r.resentRecently(), recently);
            copied = add(Outcome.COPIED, r.copied(), copied);
        }

        private long add(Outcome o, long now, long before) {
            if (now != before) into[o.ordinal()].add(now - before);
            return now;
        }
    }
}
