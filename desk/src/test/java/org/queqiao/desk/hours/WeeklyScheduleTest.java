package org.queqiao.desk.hours;

import org.junit.jupiter.api.Test;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.problem.ProblemException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.queqiao.desk.hours.Schedules.SHANGHAI;
import static org.queqiao.desk.hours.Schedules.parse;

class WeeklyScheduleTest {

    @Test
    void wireFormRoundTripsThroughJackson() {
        String json = "{'timeZone':'Asia/Shanghai','week':{'mon':[['13:00','18:00'],['09:00','12:00']],'sat':[['22:00','24:00']],'sun':[['00:00','06:00']]},"
                + "'closed':['2027-10-01','2027-01-01'],'open':{'2027-02-06':[['09:00','18:00']]}}";
        WeeklySchedule s = parse(json);

        assertThat(s.zone()).isEqualTo(SHANGHAI);
        assertThat(s.week().get(DayOfWeek.MONDAY)).extracting(OpeningInterval::toString).containsExactly("09:00–12:00", "13:00–18:00");
        assertThat(s.week().get(DayOfWeek.SATURDAY)).containsExactly(new OpeningInterval(22 * 60, 24 * 60));
        assertThat(s.closed()).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 10, 1));

        String rendered = Json.write(ScheduleWire.of(s));
        assertThat(rendered).isEqualTo(("{'timeZone':'Asia/Shanghai','week':{'mon':[['09:00','12:00'],['13:00','18:00']],'tue':[],'wed':[],'thu':[],'fri':[],"
                + "'sat':[['22:00','24:00']],'sun':[['00:00','06:00']]},'closed':['2027-01-01','2027-10-01'],'open':{'2027-02-06':[['09:00','18:00']]}}")
                .replace('\'', '"'));
        assertThat(Json.read(rendered, ScheduleWire.class).toSchedule()).isEqualTo(s);
    }

    @Test
    void missingPartsMeanClosed() {
        WeeklySchedule s = parse("{'timeZone':'UTC'}");
        assertThat(s.week()).isEmpty();
        assertThat(s.intervalsOn(LocalDate.of(2027, 1, 4))).isEmpty();
    }

    @Test
    void aDateIsClosedThenItsOwnHoursThenItsWeekdays() {
        WeeklySchedule s = Schedules.officeHours(SHANGHAI, "'closed':['2027-01-01'],'open':{'2027-02-06':[['10:00','15:00']]}");
        assertThat(s.intervalsOn(LocalDate.of(2027, 1, 1))).isEmpty();                       // a Friday holiday
        assertThat(s.intervalsOn(LocalDate.of(2027, 2, 6))).containsExactly(OpeningInterval.of(LocalTime.of(10, 0), LocalTime.of(15, 0)));
        assertThat(s.intervalsOn(LocalDate.of(2027, 2, 5))).containsExactly(OpeningInterval.of(LocalTime.of(9, 0), LocalTime.of(18, 0)));
        assertThat(s.intervalsOn(LocalDate.of(2027, 2, 7))).isEmpty();                       // an ordinary Sunday
    }

    @Test
    void alwaysOpenIsTheWholeOfEveryDay() {
        assertThat(WeeklySchedule.ALWAYS_OPEN.week()).hasSize(7).allSatisfy((day, intervals) ->
                assertThat(intervals).containsExactly(OpeningInterval.WHOLE_DAY));
        assertThat(OpeningInterval.of(LocalTime.of(22, 0), null).toWire()).containsExactly("22:00", "24:00");
    }

    @Test
    void validationErrorsNameTheField() {
        assertInvalid("{'timeZone':'UTC','week':{'mon':[['09:00','12:00'],['11:00','13:00']]}}", "week.mon", "09:00–12:00 overlaps 11:00–13:00");
        assertInvalid("{'timeZone':'UTC','week':{'tue':[['18:00','09:00']]}}", "week.tue[0]", "overnight");
        assertInvalid("{'timeZone':'UTC','week':{'tue':[['09:00','09:00']]}}", "week.tue[0]", "end after it starts");
        assertInvalid("{'timeZone':'UTC','week':{'wed':[['09:00','12:00'],['9:00','18:00']]}}", "week.wed[1]", "HH:mm");
        assertInvalid("{'timeZone':'UTC','week':{'wed':[['24:00','24:00']]}}", "week.wed[0]", "start between");
        assertInvalid("{'timeZone':'UTC','week':{'wed':[['09:00','24:01']]}}", "week.wed[0]", "HH:mm");
        assertInvalid("{'timeZone':'UTC','week':{'thu':[['09:00']]}}", "week.thu[0]", "an interval is");
        assertInvalid("{'timeZone':'UTC','week':{'mox':[]}}", "week.mox", "days are");
        assertInvalid("{'timeZone':'Mars/Olympus','week':{}}", "timeZone", "unknown time zone");
        assertInvalid("{'week':{}}", "timeZone", "required");
        assertInvalid("{'timeZone':'UTC','closed':['2027-01-01','2027-02-30']}", "closed[1]", "YYYY-MM-DD");
        assertInvalid("{'timeZone':'UTC','open':{'06/02/2027':[['09:00','18:00']]}}", "open.06/02/2027", "YYYY-MM-DD");
        assertInvalid("{'timeZone':'UTC','closed':['2027-02-06'],'open':{'2027-02-06':[['09:00','18:00']]}}", "open.2027-02-06", "both");
        assertInvalid("{'timeZone':'UTC','open':{'2027-02-06':[]}}", "open.2027-02-06", "at least one interval");

        StringBuilder many = new StringBuilder("{'timeZone':'UTC','week':{'fri':[");
        for (int h = 0; h <= WeeklySchedule.MAX_INTERVALS_PER_DAY; h++) many.append(h == 0 ? "" : ",").append("['0").append(h).append(":00','0").append(h).append(":30']");
        assertInvalid(many.append("]}}").toString(), "week.fri", "at most 8");
    }

    @Test
    void theConstructorValidatesToo() {
        OpeningInterval morning = OpeningInterval.of(LocalTime.of(9, 0), LocalTime.of(12, 0));
        assertThatThrownBy(() -> new WeeklySchedule(SHANGHAI, Map.of(DayOfWeek.MONDAY, List.of(morning, morning)), Set.of(), Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("week.mon"));
        assertThatThrownBy(() -> new WeeklySchedule(null, Map.of(), Set.of(), Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("timeZone"));
        assertThatThrownBy(() -> OpeningInterval.of(LocalTime.of(9, 0, 30), LocalTime.NOON))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(WeeklySchedule.CODE));
    }

    private static void assertInvalid(String json, String field, String messagePart) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_business_hours");
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }
}
