package org.queqiao.meetings.live;

import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The waiting room's door: hosts admit or deny one by one ({@code participantIds}, the ids of the
 * waiting list) or everyone at once. Ids no longer waiting (another host was quicker, the person
 * left) are skipped. Admitting more people than fit admits nobody: meeting_full.
 */
public final class Lobby {
    private final MeetingAccess access;
    private final Admission admission;
    private final Departures departures;
    private final MeetingPushes pushes;
    private final MeetingRenderer renderer;

    Lobby(MeetingAccess access, Admission admission, Departures departures, MeetingPushes pushes, MeetingRenderer renderer) {
        this.access = access;
        this.admission = admission;
        this.departures = departures;
        this.pushes = pushes;
        this.renderer = renderer;
    }

    /** @return the participant ids admitted */
    public List<UUID> admit(Principal caller, UUID meetingId, List<UUID> ids, boolean all) {
        return access.act(caller, meetingId, (m, actor) -> {
            ControlRules.requireHosts(actor);
            List<Arrival> chosen = chosen(m, ids, all);
            admission.requireRoom(m, chosen.size());
            List<UUID> admitted = new ArrayList<>();
            for (Arrival a : chosen) {
                m.waiting.remove(a);
                LiveParticipant p = admission.admit(m, a);
                pushes.toOne(p.sessionId(), MeetingTopics.ADMITTED, LiveViews.joined(m, p, renderer));
                admitted.add(p.id());
            }
            if (!chosen.isEmpty()) pushes.waiting(m);
            return admitted;
        });
    }

    /** @return how many were turned away */
    public int deny(Principal caller, UUID meetingId, List<UUID> ids, boolean all) {
        return access.act(caller, meetingId, (m, actor) -> {
            ControlRules.requireHosts(actor);
            List<Arrival> chosen = chosen(m, ids, all);
            for (Arrival a : chosen) {
                pushes.toOne(a.sessionId(), MeetingTopics.DENIED, Map.of("meetingId", m.id()));
                departures.leftWaitingRoom(m, a);
            }
            return chosen.size();
        });
    }

    private static List<Arrival> chosen(LiveMeeting m, List<UUID> ids, boolean all) {
        if (all) return m.waiting.all();
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.invalid("participantIds", "required", "Name participantIds from the waiting list, or send all: true");
        }
        List<Arrival> out = new ArrayList<>();
        for (UUID id : ids) {
            Arrival a = m.waiting.byId(id);
            if (a != null && !out.contains(a)) out.add(a);
        }
        return out;
    }
}
