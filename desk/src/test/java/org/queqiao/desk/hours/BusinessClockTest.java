package org.queqiao.desk.hours;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.desk.hours.Schedules.BERLIN;
import static org.queqiao.desk.hours.Schedules.NEW_YORK;
import static org.queqiao.desk.hours.Schedules.SHANGHAI;
import static org.queqiao.desk.hours.Schedules.at;
import static org.queqiao.desk.hours.Schedules.officeHours;
import static org.queqiao.desk.hours.Schedules.parse;

/** 2027-01-08 is a Friday; 2027-02-06 a Saturday. */
class BusinessClockTest {
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private final BusinessClock office = new BusinessClock(officeHours(SHANGHAI, ""));

    @Test
    void fridayEveningHandoffIsDueMondayMorning() {
        Instant friday = at("2027-01-08T17:50", SHANGHAI);
        assertThat(office.deadline(friday, HALF_HOUR)).contains(at("2027-01-11T09:20", SHANGHAI));
        assertThat(office.businessTimeBetween(friday, at("2027-01-11T09:20", SHANGHAI))).isEqualTo(HALF_HOUR);
        assertThat(office.businessTimeBetween(friday, at("2027-01-08T17:59", SHANGHAI))).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void aHolidayMondayPushesItToTuesday() {
        BusinessClock clock = new BusinessClock(officeHours(SHANGHAI, "'closed':['2027-01-11']"));
        assertThat(clock.deadline(at("2027-01-08T17:50", SHANGHAI), HALF_HOUR)).contains(at("2027-01-12T09:20", SHANGHAI));
        assertThat(clock.nextOpening(at("2027-01-08T18:00", SHANGHAI))).contains(at("2027-01-12T09:00", SHANGHAI));
    }

    @Test
    void aWorkingSaturdayCounts() {
        BusinessClock clock = new BusinessClock(officeHours(SHANGHAI, "'open':{'2027-02-06':[['10:00','16:00']]}"));
        Instant friday = at("2027-02-05T17:50", SHANGHAI);
        assertThat(clock.deadline(friday, HALF_HOUR)).contains(at("2027-02-06T10:20", SHANGHAI));
        assertThat(clock.isOpen(at("2027-02-06T12:00", SHANGHAI))).isTrue();
        assertThat(clock.businessTimeBetween(friday, at("2027-02-08T09:00", SHANGHAI))).isEqualTo(Duration.ofMinutes(10 + 6 * 60));
    }

    @Test
    void runningOutAtClosingIsDueAtClosingNotAtTheNextOpening() {
        assertThat(office.deadline(at("2027-01-08T17:30", SHANGHAI), HALF_HOUR)).contains(at("2027-01-08T18:00", SHANGHAI));
        assertThat(office.deadline(at("2027-01-09T12:00", SHANGHAI), Duration.ZERO)).contains(at("2027-01-09T12:00", SHANGHAI));
        // Started while closed, the clock starts at the next opening.
        assertThat(office.deadline(at("2027-01-09T12:00", SHANGHAI), Duration.ofHours(9))).contains(at("2027-01-11T18:00", SHANGHAI));
    }

    @Test
    void openIsInclusiveOfTheStartAndExclusiveOfTheEnd() {
        assertThat(office.isOpen(at("2027-01-08T08:59", SHANGHAI))).isFalse();
        assertThat(office.isOpen(at("2027-01-08T09:00", SHANGHAI))).isTrue();
        assertThat(office.isOpen(at("2027-01-08T17:59:59.999", SHANGHAI))).isTrue();
        assertThat(office.isOpen(at("2027-01-08T18:00", SHANGHAI))).isFalse();
        assertThat(office.isOpen(at("2027-01-09T12:00", SHANGHAI))).isFalse();
    }

    @Test
    void nextOpening() {
        Instant open = at("2027-01-08T10:00", SHANGHAI);
        assertThat(office.nextOpening(open)).contains(open);
        assertThat(office.nextOpening(at("2027-01-08T18:00", SHANGHAI))).contains(at("2027-01-11T09:00", SHANGHAI));
        assertThat(office.nextOpening(at("2027-01-11T06:00", SHANGHAI))).contains(at("2027-01-11T09:00", SHANGHAI));

        BusinessClock never = new BusinessClock(parse("{'timeZone':'Asia/Shanghai'}"));
        assertThat(never.nextOpening(open)).isEmpty();
        assertThat(never.deadline(open, HALF_HOUR)).isEmpty();
        assertThat(never.businessTimeBetween(open, open.plus(Duration.ofDays(400)))).isZero();

        // Closed but for one day, a year and a half away.
        BusinessClock oneDay = new BusinessClock(parse("{'timeZone':'Asia/Shanghai','open':{'2028-06-01':[['09:00','10:00']]}}"));
        assertThat(oneDay.nextOpening(open)).contains(at("2028-06-01T09:00", SHANGHAI));
        assertThat(oneDay.deadline(open, HALF_HOUR)).contains(at("2028-06-01T09:30", SHANGHAI));
        assertThat(oneDay.deadline(open, Duration.ofMinutes(61))).isEmpty();
    }

    @Test
    void anOvernightShiftEndsAt2400AndContinuesAtMidnight() {
        BusinessClock night = new BusinessClock(parse("{'timeZone':'Asia/Shanghai','week':{'mon':[['22:00','24:00']],'tue':[['00:00','06:00']]}}"));
        Instant monday = at("2027-01-11T23:30", SHANGHAI);
        assertThat(night.isOpen(at("2027-01-12T00:00", SHANGHAI))).isTrue();
        assertThat(night.isOpen(at("2027-01-12T06:00", SHANGHAI))).isFalse();
        assertThat(night.deadline(monday, Duration.ofHours(1))).contains(at("2027-01-12T00:30", SHANGHAI));
        assertThat(night.businessTimeBetween(at("2027-01-11T21:00", SHANGHAI), at("2027-01-12T07:00", SHANGHAI))).isEqualTo(Duration.ofHours(8));
        assertThat(night.nextOpening(at("2027-01-12T06:00", SHANGHAI))).contains(at("2027-01-18T22:00", SHANGHAI));
        // Eight hours a week: 0.5 + 6, then 2 + 6, then the last 1.5 on Monday the 25th.
        assertThat(night.deadline(monday, Duration.ofHours(16))).contains(at("2027-01-25T23:30", SHANGHAI));
    }

    @Test
    void alwaysOpenIsWallClockTimeEvenAcrossDst() {
        for (BusinessClock clock : new BusinessClock[] {
                new BusinessClock(WeeklySchedule.ALWAYS_OPEN), new BusinessClock(WeeklySchedule.alwaysOpen(NEW_YORK))}) {
            Instant from = at("2027-03-13T10:17:03.5", NEW_YORK);
            for (Duration d : new Duration[] {Duration.ofSeconds(1), Duration.ofHours(20), Duration.ofDays(1), Duration.ofDays(400)}) {
                assertThat(clock.businessTimeBetween(from, from.plus(d))).isEqualTo(d);
                assertThat(clock.deadline(from, d)).contains(from.plus(d));
            }
            assertThat(clock.isOpen(from)).isTrue();
            assertThat(clock.nextOpening(from)).contains(from);
        }
    }

    @Test
    void localDaysLast23Or25HoursOnDstSwitchDays() {
        BusinessClock ny = new BusinessClock(WeeklySchedule.alwaysOpen(NEW_YORK));
        assertThat(ny.businessTimeBetween(at("2027-03-14T00:00", NEW_YORK), at("2027-03-15T00:00", NEW_YORK))).isEqualTo(Duration.ofHours(23));
        assertThat(ny.businessTimeBetween(at("2027-11-07T00:00", NEW_YORK), at("2027-11-08T00:00", NEW_YORK))).isEqualTo(Duration.ofHours(25));

        // Sundays 01:00–05:00 in New York: 3 real hours when the clocks go forward at 02:00, 5 when they go back.
        BusinessClock sundays = new BusinessClock(parse("{'timeZone':'America/New_York','week':{'sun':[['01:00','05:00']]}}"));
        Instant spring = at("2027-03-14T00:00", NEW_YORK);
        assertThat(sundays.businessTimeBetween(spring, spring.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(3));
        assertThat(sundays.deadline(spring, Duration.ofHours(3))).contains(at("2027-03-14T05:00", NEW_YORK));
        assertThat(sundays.deadline(spring, Duration.ofHours(4))).contains(at("2027-03-21T02:00", NEW_YORK));
        Instant autumn = at("2027-11-07T00:00", NEW_YORK);
        assertThat(sundays.businessTimeBetween(autumn, autumn.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(5));
        // 01:00 is its first occurrence (EDT); an hour and a half later is the second 01:30 (EST).
        assertThat(sundays.deadline(autumn, Duration.ofMinutes(90))).contains(Instant.parse("2027-11-07T06:30:00Z"));
        assertThat(sundays.deadline(autumn, Duration.ofHours(5))).contains(at("2027-11-07T05:00", NEW_YORK));
        // A year of Sundays: 52 × 4 hours, minus one, plus one.
        Instant jan = at("2027-01-01T00:00", NEW_YORK);
        assertThat(sundays.businessTimeBetween(jan, at("2028-01-01T00:00", NEW_YORK))).isEqualTo(Duration.ofHours(52 * 4));
    }

    @Test
    void aBoundaryInsideTheGapMeansTheMomentOfTheSwitch() {
        // On 14 March 2027 New York's clocks jump from 02:00 to 03:00: "opens at 02:30" means open from 03:00,
        // and 00:00–02:30 plus 03:00–05:00 is four real hours, the minute after 01:59 counted once.
        BusinessClock clock = new BusinessClock(parse("{'timeZone':'America/New_York','week':{'sun':[['00:00','02:30'],['03:00','05:00']],'mon':[['02:30','04:00']]},"
                + "'open':{'2027-03-14':[['02:30','04:00']]}}"));
        Instant spring = at("2027-03-14T00:00", NEW_YORK);
        assertThat(clock.businessTimeBetween(spring, spring.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(1));
        assertThat(clock.isOpen(at("2027-03-14T03:00", NEW_YORK))).isTrue();
        assertThat(clock.nextOpening(spring)).contains(at("2027-03-14T03:00", NEW_YORK));

        BusinessClock sundays = new BusinessClock(parse("{'timeZone':'America/New_York','week':{'sun':[['00:00','02:30'],['03:00','05:00']]}}"));
        assertThat(sundays.businessTimeBetween(spring, spring.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(4));
        assertThat(sundays.deadline(spring, Duration.ofHours(4))).contains(at("2027-03-14T05:00", NEW_YORK));
    }

    @Test
    void hoursInsideTheBerlinGapDoNotExistAndTheRepeatedHourCountsTwice() {
        BusinessClock clock = new BusinessClock(parse("{'timeZone':'Europe/Berlin','week':{'sun':[['02:00','03:00']]}}"));
        Instant spring = at("2027-03-28T00:00", BERLIN);
        assertThat(clock.businessTimeBetween(spring, spring.plus(Duration.ofDays(1)))).isZero();
        assertThat(clock.isOpen(Instant.parse("2027-03-28T01:00:00Z"))).isFalse();           // 03:00 CEST
        assertThat(clock.nextOpening(spring)).contains(at("2027-04-04T02:00", BERLIN));
        assertThat(clock.deadline(spring, Duration.ofMinutes(10))).contains(at("2027-04-04T02:10", BERLIN));

        Instant autumn = at("2027-10-31T00:00", BERLIN);
        assertThat(clock.businessTimeBetween(autumn, autumn.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(2));
        assertThat(clock.isOpen(Instant.parse("2027-10-31T01:30:00Z"))).isTrue();            // the second 02:30
        assertThat(clock.deadline(autumn, Duration.ofMinutes(90))).contains(Instant.parse("2027-10-31T01:30:00Z"));
    }

    @Test
    void officeHoursAcrossDstWeeksInBerlinAndNewYork() {
        // Working hours do not touch the switch at night, so a week keeps its 45 hours.
        assertOfficeWeek(BERLIN, "2027-03-26", "2027-03-29", "2027-04-02");      // switches Sunday 28 March
        assertOfficeWeek(NEW_YORK, "2027-03-12", "2027-03-15", "2027-03-19");    // switches Sunday 14 March
        assertOfficeWeek(NEW_YORK, "2027-11-05", "2027-11-08", "2027-11-12");    // switches back Sunday 7 November
    }

    private static void assertOfficeWeek(java.time.ZoneId zone, String friday, String monday, String nextFriday) {
        BusinessClock clock = new BusinessClock(officeHours(zone, ""));
        Instant from = at(friday + "T17:00", zone);
        assertThat(clock.businessTimeBetween(from, at(nextFriday + "T17:00", zone))).isEqualTo(Duration.ofHours(45));
        assertThat(clock.deadline(from, Duration.ofHours(2))).contains(at(monday + "T10:00", zone));
    }

    @Test
    void aYearOfOfficeHoursInShanghai() {
        // 2027 has 261 weekdays; three of these holidays fall on weekdays, one on a Saturday.
        BusinessClock clock = new BusinessClock(officeHours(SHANGHAI,
                "'closed':['2027-01-01','2027-10-01','2027-10-02','2027-10-04'],'open':{'2027-02-06':[['09:00','18:00']]}"));
        Instant from = at("2027-01-01T00:00", SHANGHAI);
        Instant to = at("2028-01-01T00:00", SHANGHAI);
        Duration year = Duration.ofHours((261 - 3 + 1) * 9L);
        assertThat(clock.businessTimeBetween(from, to)).isEqualTo(year);
        assertThat(clock.deadline(from, year)).contains(at("2027-12-31T18:00", SHANGHAI));
        assertThat(clock.businessTimeBetween(to, from)).isZero();
    }

    @Test
    void decadeLongSpansCostMicrosecondsNotADayByDayWalk() {
        BusinessClock clock = new BusinessClock(officeHours(NEW_YORK,
                "'closed':['2027-01-01','2027-07-05','2027-11-25','2028-07-04','2030-12-25','2034-01-02'],'open':{'2029-06-02':[['10:00','14:00']]}"));
        Instant base = Instant.parse("2027-01-01T00:00:00Z");
        Duration total = Duration.ZERO;
        long started = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            Instant from = base.plusSeconds(i * 977L);
            total = total.plus(clock.businessTimeBetween(from, from.plus(Duration.ofDays(3652))));
            assertThat(clock.deadline(from, Duration.ofHours(20_000))).isPresent();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(total).isPositive();
        // Loose on purpose (shared CI machines). These 20,000 ten-year calls take well under half a
        // second; walking the 3,652 days of each span would take several seconds, minute by minute hours.
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }
}
