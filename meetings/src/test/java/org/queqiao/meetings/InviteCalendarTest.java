package org.queqiao.meetings;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class InviteCalendarTest {
    @Test
    void textIsEscapedAndLongLinesAreFoldedBetweenCharacters() {
        assertThat(InviteCalendar.escape("a;b,c\\d\ne")).isEqualTo("a\\;b\\,c\\\\d\\ne");
        StringBuilder out = new StringBuilder();
        InviteCalendar.line(out, "SUMMARY:" + "会议".repeat(40));
        String[] lines = out.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(1);
        for (String l : lines) assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo("SUMMARY:" + "会议".repeat(40) + "\r\n");
    }

    @Test
    void numbersAreNineDigitsNeverStartingWithZero() {
        for (int i = 0; i < 1000; i++) assertThat(MeetingNumber.random()).matches("[1-9][0-9]{8}");
        assertThat(MeetingNumber.normalise("123 456-789")).isEqualTo("123456789");
        assertThat(MeetingNumber.normalise("023456789")).isNull();
        assertThat(MeetingNumber.normalise("12345678a")).isNull();
        assertThat(MeetingNumber.display("123456789")).isEqualTo("123 456 789");
        assertThat(Passcodes.matches("1234", "1234")).isTrue();
        assertThat(Passcodes.matches("1234", "12345")).isFalse();
        assertThat(Passcodes.matches("1234", null)).isFalse();
    }
}
