package org.queqiao.meetings;

import org.queqiao.meetings.live.LiveMeetings;
import org.queqiao.meetings.store.MeetingStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Meetings as things in a calendar: create (instant or scheduled), read, change, cancel, list mine,
 * and each member's personal room. Any member may read their organisation's meetings (passcode
 * included); only the owner changes or cancels one.
 */
public final class MeetingPlanner {
    static final int MAX_DURATION_MINUTES = 24 * 60;
    /** Ten draws of 9 random digits colliding in a row means something is wrong, not bad luck. */
    private static final int NUMBER_ATTEMPTS = 10;
    /** A start a little in the past is fine (a meeting scheduled "now" on a slow form); earlier is a mistake. */
    private static final Duration START_SLACK = Duration.ofMinutes(10);

    private final MeetingStore store;
    private final MeetingDirectory directory;
    private final LiveMeetings live;
    private final Clock clock;

    MeetingPlanner(MeetingStore store, MeetingDirectory directory, LiveMeetings live, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.live = live;
        this.clock = clock;
    }

    public Meeting create(Principal p, MeetingRequest r) {
        requireMember(p);
        String title = r.title() == null ? directory.activeMemberName(p.orgId(), p.memberId()).orElse("Meeting") + "'s meeting" : title(r.title());
        Schedule s = schedule(r.startAt(), r.durationMinutes());
        MeetingKind kind = s.start() == null ? MeetingKind.INSTANT : MeetingKind.SCHEDULED;
        String passcode = Passcodes.validate(r.passcode());
        MeetingSettings settings = MeetingSettings.DEFAULTS.with(r.settings());
        return insert(p, title, kind, s.start(), s.minutes(), passcode, settings);
    }

    /** The caller's personal room, created on first use; the same number ever after. */
    public Meeting personalRoom(Principal p) {
        requireMember(p);
        for (int i = 0; i < 2; i++) {
            var found = store.findPersonalRoom(p.orgId(), p.memberId());
            if (found.isPresent()) return found.get();
            String name = directory.activeMemberName(p.orgId(), p.memberId()).orElse("My");
            try {
                return insert(p, name + "'s personal room", MeetingKind.PERSONAL, null, null, null, MeetingSettings.DEFAULTS);
            } catch (ProblemException raced) {
                if (!"number_unavailable".equals(raced.code())) throw raced; // another request created it: read it
            }
        }
        return store.findPersonalRoom(p.orgId(), p.memberId()).orElseThrow();
    }

    public Meeting get(Principal p, UUID id) {
        requireMember(p);
        return store.find(p.orgId(), id).orElseThrow(MeetingPlanner::notFound);
    }

    /** Meetings I own that are not over, by start (instant ones by creation), cursor paged. */
    public Page<Meeting> mine(Principal p, PageRequest page) {
        requireMember(p);
        Instant afterSort = null;
        UUID afterId = null;
        if (!page.isFirst()) {
            afterId = Ids.parseOrNull(page.afterId());
            try {
                afterSort = Instant.parse(page.afterSort());
            } catch (RuntimeException e) {
                afterId = null;
            }
            if (afterId == null) throw ProblemException.invalid("cursor", "invalid_cursor", "cursor is not one this server issued");
        }
        List<Meeting> rows = store.listOwnedBy(p.orgId(), p.memberId(), afterSort, afterId, page.limit() + 1);
        return Page.of(rows, page.limit(), m -> PageRequest.cursor(sortKey(m).toString(), m.id().toString()));
    }

    /** The owner changes the title, schedule, passcode (null removes it) or settings. */
    public Meeting update(Principal p, UUID id, MeetingRequest r) {
        Meeting m = owned(p, id);
        String title = r.has("title") ? title(r.title()) : m.title();
        Instant start = r.has("startAt") ? r.startAt() : m.startAt();
        Integer minutes = r.has("durationMinutes") ? r.durationMinutes() : m.durationMinutes();
        if (m.kind() != MeetingKind.SCHEDULED && (r.has("startAt") || r.has("durationMinutes"))) {
            throw ProblemException.invalid("startAt", "not_scheduled", "Only scheduled meetings have a start and a duration");
        }
        if (m.kind() == MeetingKind.SCHEDULED && (start == null || minutes == null)) {
            throw ProblemException.invalid(start == null ? "startAt" : "durationMinutes", "required", "A scheduled meeting needs startAt and durationMinutes");
        }
        if (r.has("startAt") || r.has("durationMinutes")) schedule(start, minutes);
        String passcode = r.has("passcode") ? Passcodes.validate(r.passcode()) : m.passcode();
        Meeting changed = m.withDetails(title, start, minutes, passcode, m.settings().with(r.settings()));
        store.update(changed);
        live.meetingChanged(changed);
        return changed;
    }

    /** The owner cancels: a running meeting ends for everyone, and the meeting is gone. Personal rooms stay. */
    public void cancel(Principal p, UUID id) {
        Meeting m = owned(p, id);
        if (m.kind() == MeetingKind.PERSONAL) throw ProblemException.conflict("personal_room", "A personal room cannot be cancelled", null);
        live.endIfRunning(id);
        store.cancel(id, clock.instant());
    }

    private Meeting owned(Principal p, UUID id) {
        Meeting m = get(p, id);
        if (!m.hostId().equals(p.memberId())) throw ProblemException.forbidden("host_required", "Only the meeting's host may change or cancel it");
        return m;
    }

    private Meeting insert(Principal p, String title, MeetingKind kind, Instant start, Integer minutes, String passcode, MeetingSettings s) {
        Instant now = clock.instant();
        for (int i = 0; i < NUMBER_ATTEMPTS; i++) {
            Meeting m = new Meeting(Ids.newId(), p.orgId(), MeetingNumber.random(), title, p.memberId(), kind, start, minutes, passcode, s,
                    MeetingStatus.SCHEDULED, now);
            if (store.insert(m)) return m;
            if (kind == MeetingKind.PERSONAL && store.findPersonalRoom(p.orgId(), p.memberId()).isPresent()) break;
        }
        throw new ProblemException(503, "number_unavailable", "No free meeting number was found; try again", null, null);
    }

    private record Schedule(Instant start, Integer minutes) {}

    private Schedule schedule(Instant start, Integer minutes) {
        if (start == null && minutes == null) return new Schedule(null, null);
        if (start == null) throw ProblemException.invalid("startAt", "required", "A scheduled meeting needs startAt with durationMinutes");
        if (minutes == null) throw ProblemException.invalid("durationMinutes", "required", "A scheduled meeting needs durationMinutes with startAt");
        if (minutes < 1 || minutes > MAX_DURATION_MINUTES) {
            throw ProblemException.invalid("durationMinutes", "out_of_range", "durationMinutes must be 1 to " + MAX_DURATION_MINUTES);
        }
        if (start.isBefore(clock.instant().minus(START_SLACK))) throw ProblemException.invalid("startAt", "start_in_past", "startAt is in the past");
        return new Schedule(start, minutes);
    }

    private static String title(String t) {
        return Validate.text("title", t, 1, 200);
    }

    /** Meeting guests never reach the HTTP API; outside contacts of the organisation cannot host meetings. */
    private static void requireMember(Principal p) {
        if (p.isMeetingGuest()) throw notFound();
        if (p.role() == Role.GUEST) throw ProblemException.forbidden("guest_not_allowed", "Guests cannot organise meetings");
    }

    static Instant sortKey(Meeting m) {
        return m.startAt() != null ? m.startAt() : m.createdAt();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Meeting");
    }
}
