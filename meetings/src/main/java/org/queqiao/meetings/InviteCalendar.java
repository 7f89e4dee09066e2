package org.queqiao.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A meeting as an iCalendar file (RFC 5545): one VEVENT with a stable UID (so re-importing updates the
 * entry), times in UTC, the join link as URL and LOCATION, the number and passcode in the description.
 * Lines end in CRLF and are folded at 75 octets; text values are escaped. Meetings without a start
 * (instant, personal room) get one hour from now, so the file still imports.
 */
public final class InviteCalendar {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int FOLD_OCTETS = 75;

    private InviteCalendar() {}

    public static String ics(Meeting m, String joinUrl, String domain, Instant now) {
        Instant start = m.startAt() != null ? m.startAt() : now.truncatedTo(ChronoUnit.SECONDS);
        Duration length = Duration.ofMinutes(m.durationMinutes() != null ? m.durationMinutes() : 60);
        StringBuilder description = new StringBuilder("Meeting number: ").append(MeetingNumber.display(m.number()));
        if (m.hasPasscode()) description.append("\nPasscode: ").append(m.passcode());
        description.append("\nJoin: ").append(joinUrl);
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Queqiao//Meetings//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + m.id() + "@" + domain);
        line(out, "DTSTAMP:" + UTC.format(now));
        line(out, "DTSTART:" + UTC.format(start));
        line(out, "DTEND:" + UTC.format(start.plus(length)));
        line(out, "SUMMARY:" + escape(m.title()));
        line(out, "DESCRIPTION:" + escape(description.toString()));
        line(out, "LOCATION:" + escape(joinUrl));
        line(out, "URL:" + joinUrl);
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks are escaped. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> { }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Appends one content line, folded so no physical line exceeds 75 octets (never inside a UTF-8 sequence). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > FOLD_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
