package org.queqiao.media.sfu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.queqiao.media.sdp.MediaKind;
import org.queqiao.media.sdp.SubscribedTrack;

/**
 * The m-sections of one subscriber's connection and the offer/answer rounds over them. Only one offer is
 * outstanding at a time: changes made while the browser has not answered yet are collected and offered
 * when it does, so the client never has to deal with two offers crossing. Mids are never reused for a
 * different kind; a section whose track left is kept {@code inactive} and taken by the next track of its
 * kind, so a long meeting with people coming and going does not grow the description without end.
 */
final class SubscribeNegotiator {
    private final List<Slot> slots = new ArrayList<>();
    private long version;
    private boolean outstanding;
    private boolean changed;

    /** A section: the stream it carries now, or null when inactive. */
    private static final class Slot {
        final String mid;
        final MediaKind kind;
        IncomingStream stream;

        Slot(String mid, MediaKind kind) { this.mid = mid; this.kind = kind; }
    }

    synchronized void add(IncomingStream stream) {
        for (Slot s : slots) if (s.stream == stream) return;
        Slot free = null;
        for (Slot s : slots) if (s.stream == null && s.kind == stream.kind()) { free = s; break; }
        if (free == null) {
            free = new Slot(String.valueOf(slots.size()), stream.kind());
            slots.add(free);
        }
        free.stream = stream;
        changed = true;
    }

    synchronized void remove(IncomingStream stream) {
        for (Slot s : slots) {
            if (s.stream == stream) {
                s.stream = null;
                changed = true;
            }
        }
    }

    /** The next offer to send, or null when nothing changed or an offer is still unanswered. */
    synchronized Plan nextOffer(boolean force) {
        if (outstanding && !force) return null;
        if (!changed && !force) return null;
        // Browsers refuse an offer without m-sections (max-bundle needs a BUNDLE group): an inactive audio
        // section stands in until the first track arrives, and lets ICE and DTLS finish early meanwhile.
        if (slots.isEmpty()) slots.add(new Slot("0", MediaKind.AUDIO));
        version++;
        outstanding = true;
        changed = false;
        List<SubscribedTrack> sections = new ArrayList<>(slots.size());
        Map<String, SubscribeOffer.Track> tracks = new LinkedHashMap<>();
        for (Slot s : slots) {
            IncomingStream st = s.stream;
            if (st == null) {
                sections.add(new SubscribedTrack(s.mid, s.kind, 0, -1, "-", "-", false));
            } else {
                sections.add(new SubscribedTrack(s.mid, s.kind, st.ssrc(), st.rtxSsrc(), st.participantId(), st.trackId(), true));
                tracks.put(s.mid, new SubscribeOffer.Track(st.participantId(), st.source()));
            }
        }
        return new Plan(version, sections, tracks);
    }

    /**
     * The browser answered offer {@code answered}.
     *
     * @return false when that is not the offer outstanding (a late answer to an older one: ignore it)
     */
    synchronized boolean answered(long answered) {
        if (!outstanding || answered != version) return false;
        outstanding = false;
        return true;
    }

    synchronized boolean hasChanges() { return changed; }

    record Plan(long version, List<SubscribedTrack> sections, Map<String, SubscribeOffer.Track> tracks) {}
}
