package org.queqiao.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.meetings.guest.GuestSessions;
import org.queqiao.meetings.live.LiveMeetings;
import org.queqiao.meetings.store.AttendanceStore;
import org.queqiao.meetings.store.GuestStore;
import org.queqiao.meetings.store.MeetingStore;
import org.queqiao.meetings.wire.MeetingViews;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.bus.Topics;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.realtime.Pushes;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** The meetings capability, assembled: its public surface is the services returned here. */
public final class Meetings implements AutoCloseable {
    private final MeetingStore store;
    private final MeetingPlanner planner;
    private final MeetingCards cards;
    private final AttendanceReport attendance;
    private final GuestSessions guests;
    private final LiveMeetings live;
    private final MeetingViews views;
    private final Clock clock;

    /**
     * @param guests built before the realtime gateway (which accepts guest tokens), hence passed in
     * @param media  the SFU's side of the seam (see {@link MediaPlane})
     */
    public Meetings(MeetingStore store, AttendanceStore attendanceStore, GuestStore guestStore, GuestSessions guests, MeetingDirectory directory,
                    ChatCards chat, MediaPlane media, Pushes pushes, Transactor tx, MeetingsConfig config, PasscodeThrottle throttle, Clock clock) {
        this.store = store;
        this.guests = guests;
        this.clock = clock;
        this.views = new MeetingViews(directory, config.publicUrl());
        this.live = new LiveMeetings(store, attendanceStore, guestStore, directory, media, pushes, tx, config, throttle, views, clock);
        this.planner = new MeetingPlanner(store, directory, live, clock);
        this.cards = new MeetingCards(planner, chat);
        this.attendance = new AttendanceReport(planner, attendanceStore, clock);
    }

    /** The wrong-passcode throttle shared by meeting.join and guest passes. */
    public static PasscodeThrottle throttle(MeetingsConfig config) {
        return new PasscodeThrottle(config.passcodeMaxFailures(), config.passcodeWindow());
    }

    public MeetingPlanner planner() { return planner; }

    public MeetingCards cards() { return cards; }

    public AttendanceReport attendance() { return attendance; }

    public GuestSessions guests() { return guests; }

    public LiveMeetings live() { return live; }

    public MeetingViews views() { return views; }

    public Clock clock() { return clock; }

    /** The meeting object for a member of its organisation (passcode included), with links under {@code baseUrl}. */
    public Map<String, Object> view(Principal viewer, Meeting m, String baseUrl) {
        return views.meeting(m, baseUrl, !viewer.isMeetingGuest(), live.isLocked(m.id()));
    }

    /** Anyone, signed in or not, may look a meeting up by its number; they learn only its public summary. */
    public Meeting lookup(String number) {
        String n = MeetingNumber.normalise(number);
        if (n == null) throw ProblemException.notFound("Meeting");
        return store.findByNumber(n).orElseThrow(() -> ProblemException.notFound("Meeting"));
    }

    /** Offboarding's hand-over hook (inside the deactivation transaction): meetings not over pass to the heir. */
    public int handover(UUID orgId, UUID from, UUID to) {
        return store.handover(orgId, from, to, clock.instant());
    }

    /** A deactivated member leaves every live meeting on this node at once (the event comes after the commit). */
    public EventBus.Subscription followDeactivations(EventBus bus) {
        return bus.subscribe(Topics.MEMBER_DEACTIVATED, e -> {
            JsonNode n = Json.read(e.payload(), JsonNode.class);
            live.memberDeactivated(UUID.fromString(n.path("orgId").asText()), UUID.fromString(n.path("memberId").asText()));
        });
    }

    @Override
    public void close() {
        live.close();
    }
}
