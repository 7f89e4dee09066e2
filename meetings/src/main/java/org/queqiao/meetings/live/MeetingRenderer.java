package org.queqiao.meetings.live;

import org.queqiao.meetings.Meeting;

import java.util.Map;

/** Renders the meeting object of the protocol (implemented by the wire layer, which knows links and capacity). */
@FunctionalInterface
public interface MeetingRenderer {
    /** @param showPasscode members of the organisation see the passcode; guests never do */
    Map<String, Object> meeting(Meeting m, boolean showPasscode, boolean locked);
}
