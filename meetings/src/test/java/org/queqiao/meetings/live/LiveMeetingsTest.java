package org.queqiao.meetings.live;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queqiao.meetings.Meeting;
import org.queqiao.meetings.MeetingKind;
import org.queqiao.meetings.MeetingSettings;
import org.queqiao.meetings.MeetingStatus;
import org.queqiao.meetings.MeetingsConfig;
import org.queqiao.meetings.PasscodeThrottle;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The control plane against a recording media plane: what the SFU is told, and what it may ask. */
class LiveMeetingsTest {
    private final UUID org = UUID.randomUUID();
    private final Principal owner = member();
    private final Principal ann = member();
    private final InMemoryMeetings.Meetings store = new InMemoryMeetings.Meetings();
    private final InMemoryMeetings.Attendance attendance = new InMemoryMeetings.Attendance();
    private final InMemoryMeetings.RecordingPushes pushes = new InMemoryMeetings.RecordingPushes();
    private final InMemoryMeetings.RecordingMediaPlane media = new InMemoryMeetings.RecordingMediaPlane();
    private LiveMeetings live;
    private Meeting meeting;

    @BeforeEach
    void start() {
        live = new LiveMeetings(store, attendance, new InMemoryMeetings.Guests(), new InMemoryMeetings.Directory(), media, pushes,
                InMemoryMeetings.DIRECT, new MeetingsConfig(Duration.ofMillis(200), Duration.ofHours(1), 5, Duration.ofMinutes(5), null),
                new PasscodeThrottle(5, Duration.ofMinutes(5)), (m, showPasscode, locked) -> Map.of("id", m.id()), Clock.systemUTC());
        meeting = new Meeting(UUID.randomUUID(), org, "123456789", "T", owner.memberId(), MeetingKind.INSTANT, null, null, null,
                MeetingSettings.DEFAULTS, MeetingStatus.SCHEDULED, Instant.now());
        store.insert(meeting);
    }

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void theMediaPlaneIsToldWhatToForwardAndWhoLeft() {
        UUID hostP = join(owner);
        UUID annP = join(ann);
        assertThat(media.calls).contains("forwarding " + annP + " audio=true video=true");
        live.participants().mute(owner, meeting.id(), annP, false, false);
        assertThat(media.calls).last().isEqualTo("forwarding " + annP + " audio=false video=true");
        live.participants().stopVideo(owner, meeting.id(), annP);
        assertThat(media.calls).last().isEqualTo("forwarding " + annP + " audio=false video=false");
        assertThatThrownBy(() -> live.self().state(ann, meeting.id(), true, null)).isInstanceOf(ProblemException.class)
                .hasFieldOrPropertyWithValue("code", "unmute_not_allowed");
        live.self().leave(ann, meeting.id());
        assertThat(media.calls).last().isEqualTo("left " + annP);
        live.controls().end(owner, meeting.id());
        assertThat(media.calls).contains("left " + annP).last().isEqualTo("ended " + meeting.id());
        assertThat(attendance.events).containsExactly("run-started", "left:left", "run-ended:ended");
        assertThat(store.byId.get(meeting.id()).status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(hostP).isNotNull();
    }

    @Test
    void theParticipantLookupAuthorisesOnlyTheJoinedDevice() {
        UUID annP = join(ann);
        assertThat(live.participant(meeting.id(), ann)).get().extracting(LiveParticipant::id).isEqualTo(annP);
        Principal annsPhone = new Principal(ann.memberId(), org, Role.MEMBER, UUID.randomUUID());
        assertThat(live.participant(meeting.id(), annsPhone)).as("another device of the same person").isEmpty();
        assertThat(live.participant(meeting.id(), owner)).as("not joined").isEmpty();
        Principal stranger = new Principal(ann.memberId(), UUID.randomUUID(), Role.MEMBER, ann.sessionId());
        assertThat(live.participant(meeting.id(), stranger)).as("another organisation").isEmpty();
        Principal guestOfAnother = new Principal(ann.memberId(), org, Role.GUEST, ann.sessionId(), UUID.randomUUID());
        assertThat(live.participant(meeting.id(), guestOfAnother)).as("a guest scoped to another meeting").isEmpty();
        assertThat(live.participant(UUID.randomUUID(), ann)).isEmpty();
    }

    @Test
    void aLostTransportShowsReconnectingAndTimesOutUnlessRestored() throws Exception {
        join(owner);
        UUID annP = join(ann);
        live.mediaConnectionLost(meeting.id(), annP);
        assertThat(live.participant(meeting.id(), ann).orElseThrow().reconnecting()).isTrue();
        live.mediaConnectionRestored(meeting.id(), annP);
        assertThat(live.participant(meeting.id(), ann).orElseThrow().reconnecting()).isFalse();
        Thread.sleep(400);
        assertThat(live.participant(meeting.id(), ann)).as("restored in time: still in").isPresent();

        live.mediaConnectionLost(meeting.id(), annP);
        Thread.sleep(600);
        assertThat(live.participant(meeting.id(), ann)).as("gone after the grace").isEmpty();
        assertThat(attendance.events).contains("left:timeout");
        assertThat(media.calls).contains("left " + annP);
    }

    @Test
    void theActiveSpeakerIsPushedToEveryone() {
        join(owner);
        UUID annP = join(ann);
        live.activeSpeaker(meeting.id(), annP);
        assertThat(pushes.to(owner.sessionId(), MeetingTopics.ACTIVE_SPEAKER)).hasSize(1);
        assertThat(pushes.to(ann.sessionId(), MeetingTopics.ACTIVE_SPEAKER)).hasSize(1);
        live.activeSpeaker(meeting.id(), UUID.randomUUID());
        assertThat(pushes.to(owner.sessionId(), MeetingTopics.ACTIVE_SPEAKER)).as("nobody we know: ignored").hasSize(1);
    }

    @Test
    void theSuccessorIsAConnectedCoHostThenTheMemberPresentLongest() {
        LiveParticipant guest = participant(null, ParticipantRole.ATTENDEE, false);
        LiveParticipant early = participant(UUID.randomUUID(), ParticipantRole.ATTENDEE, false);
        LiveParticipant droppedCo = participant(UUID.randomUUID(), ParticipantRole.COHOST, true);
        LiveParticipant co = participant(UUID.randomUUID(), ParticipantRole.COHOST, false);
        assertThat(HostFailover.successor(java.util.List.of(guest, early, droppedCo, co))).isEqualTo(co);
        assertThat(HostFailover.successor(java.util.List.of(guest, early, droppedCo))).isEqualTo(droppedCo);
        assertThat(HostFailover.successor(java.util.List.of(guest, early))).isEqualTo(early);
        assertThat(HostFailover.successor(java.util.List.of(guest))).isNull();
    }

    private UUID join(Principal p) {
        Map<String, Object> answer = live.joins().join(p, meeting.id(), null, true, true);
        assertThat(answer.get("status")).isEqualTo("joined");
        return live.participant(meeting.id(), p).orElseThrow().id();
    }

    private Principal member() {
        return new Principal(UUID.randomUUID(), org, Role.MEMBER, UUID.randomUUID());
    }

    private static LiveParticipant participant(UUID memberId, ParticipantRole role, boolean reconnecting) {
        UUID person = memberId != null ? memberId : UUID.randomUUID();
        return new LiveParticipant(UUID.randomUUID(), UUID.randomUUID(), person, memberId, UUID.randomUUID(), "P", role, false, false, false,
                false, true, reconnecting, false, 0, Instant.now(), UUID.randomUUID());
    }
}
