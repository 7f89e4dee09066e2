package org.queqiao.meetings;

import org.queqiao.platform.config.Config;

import java.time.Duration;

/**
 * The meetings.* settings (documented in queqiao-defaults.properties).
 *
 * @param reconnectGrace      how long a participant whose connection dropped stays in the meeting
 * @param guestTokenTtl       how long a guest's token (from a meeting link) is valid at most
 * @param passcodeMaxFailures wrong passcodes one caller may give within {@code passcodeWindow}
 * @param passcodeWindow      the throttle's window
 * @param publicUrl           http.public-url, for invite links built without an HTTP request (null: none)
 */
public record MeetingsConfig(Duration reconnectGrace, Duration guestTokenTtl, int passcodeMaxFailures, Duration passcodeWindow,
                             String publicUrl) {
    public static MeetingsConfig from(Config c) {
        return new MeetingsConfig(c.duration("meetings.reconnect-grace"), c.duration("meetings.guest-token-ttl"),
                c.integer("meetings.passcode-max-failures"), c.duration("meetings.passcode-window"), c.optional("http.public-url"));
    }
}
