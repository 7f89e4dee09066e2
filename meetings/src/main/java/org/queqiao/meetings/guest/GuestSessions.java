package org.queqiao.meetings.guest;

import org.queqiao.meetings.Meeting;
import org.queqiao.meetings.MeetingNumber;
import org.queqiao.meetings.PasscodeThrottle;
import org.queqiao.meetings.store.GuestStore;
import org.queqiao.meetings.store.GuestStore.GuestPass;
import org.queqiao.meetings.store.MeetingStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.auth.TokenAuthenticator;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Joining by link without an account: with the meeting's number, its passcode and a display name a
 * guest gets a token that the realtime gateway accepts as a {@link Principal} scoped to that one
 * meeting (meeting.* and media.* operations only; the HTTP API does not accept it). The pass ends
 * when it expires, when a host removes the guest, or when the meeting ends.
 */
public final class GuestSessions implements TokenAuthenticator {
    private final GuestStore guests;
    private final MeetingStore meetings;
    private final PasscodeThrottle throttle;
    private final Duration ttl;
    private final Clock clock;

    public GuestSessions(GuestStore guests, MeetingStore meetings, PasscodeThrottle throttle, Duration ttl, Clock clock) {
        this.guests = guests;
        this.meetings = meetings;
        this.throttle = throttle;
        this.ttl = ttl;
        this.clock = clock;
    }

    public record GuestTicket(String token, Instant expiresAt, UUID meetingId, UUID guestId, String displayName) {}

    /** @param clientAddress whose wrong passcodes are counted (the caller has no identity yet) */
    public GuestTicket issue(String number, String passcode, String displayName, String clientAddress) {
        String name = Validate.text("displayName", displayName, 1, 64);
        String n = MeetingNumber.normalise(Validate.required("number", number));
        Meeting m = (n == null ? Optional.<Meeting>empty() : meetings.findByNumber(n)).orElseThrow(() -> ProblemException.notFound("Meeting"));
        if (!m.settings().allowGuests()) throw ProblemException.forbidden("guests_not_allowed", "This meeting does not allow guests");
        if (m.isOver()) throw ProblemException.conflict("meeting_ended", "This meeting has ended", null);
        throttle.verify(m.passcode(), passcode, "address:" + clientAddress, clock.instant());
        Instant now = clock.instant();
        GuestPass pass = new GuestPass(Ids.newId(), m.id(), m.orgId(), name, now.plus(ttl));
        String token = GuestTokens.newToken();
        guests.insert(pass, GuestTokens.hash(token));
        return new GuestTicket(token, pass.expiresAt(), m.id(), pass.id(), name);
    }

    /** A guest's principal: its guest id is both its "member" and its session, its scope the meeting. */
    @Override
    public Optional<Principal> authenticate(String token) {
        if (!GuestTokens.isGuestToken(token)) return Optional.empty();
        return guests.findLive(GuestTokens.hash(token), clock.instant())
                .map(g -> new Principal(g.id(), g.orgId(), Role.GUEST, g.id(), g.meetingId()));
    }
}
