package org.queqiao.desk.hours;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.desk.hours.Schedules.parse;

/**
 * The fast paths checked against slow, obvious ones on awkward schedules: DST in both directions,
 * a 30-minute DST (Lord Howe), switches at midnight (Santiago), intervals across gaps, overnight
 * shifts, holidays and extra open dates.
 */
class BusinessClockPropertyTest {
    private static final List<WeeklySchedule> SCHEDULES = List.of(
            parse("{'timeZone':'America/New_York','week':{'mon':[['09:00','12:00'],['13:00','18:00']],'tue':[['09:00','18:00']],"
                    + "'fri':[['09:00','17:00']],'sat':[['20:00','24:00']],'sun':[['00:00','03:30']]},"
                    + "'closed':['2027-01-01','2027-07-05','2027-11-07','2028-03-12'],'open':{'2027-03-14':[['01:00','02:30'],['02:45','04:00']],'2027-11-06':[['00:00','24:00']]}}"),
            parse("{'timeZone':'Europe/Berlin','week':{'sun':[['01:30','02:15'],['02:40','03:30']],'wed':[['00:00','24:00']]},'open':{'2027-10-30':[['23:00','24:00']]}}"),
            parse("{'timeZone':'Australia/Lord_Howe','week':{'sun':[['01:00','02:10'],['02:30','03:00'],['08:00','09:00']],'thu':[['09:00','18:00']]}}"),
            parse("{'timeZone':'America/Santiago','week':{'sat':[['22:00','24:00']],'sun':[['00:00','02:00']],'mon':[['09:00','18:00']]}}"),
            parse("{'timeZone':'Asia/Shanghai','week':{'mon':[['09:00','18:00']],'tue':[['09:00','18:00']]},'closed':['2027-05-03'],'open':{'2027-05-08':[['09:00','18:00']]}}"),
            WeeklySchedule.alwaysOpen(ZoneId.of("America/New_York")));

    private final Random random = new Random(20270314);

    @Test
    void businessTimeBetweenMatchesADateByDateSum() {
        for (WeeklySchedule schedule : SCHEDULES) {
            BusinessClock clock = new BusinessClock(schedule);
            for (int i = 0; i < 300; i++) {
                Instant from = randomInstant();
                Instant to = from.plusSeconds(random.nextLong(i % 3 == 0 ? 8 * 86_400 : 800 * 86_400L));
                assertThat(clock.businessTimeBetween(from, to)).as("%s from %s to %s", schedule.zone(), from, to)
                        .isEqualTo(dateByDate(schedule, from, to));
            }
        }
    }

    @Test
    void businessTimeBetweenMatchesMinuteByMinuteIsOpenAroundSwitches() {
        for (WeeklySchedule schedule : SCHEDULES) {
            BusinessClock clock = new BusinessClock(schedule);
            var rules = schedule.zone().getRules();
            var t = rules.nextTransition(Instant.parse("2027-01-01T00:00:00Z"));
            for (int n = 0; t != null && n < 4; n++, t = rules.nextTransition(t.getInstant())) {
                Instant from = t.getInstant().minus(Duration.ofDays(2));
                Instant to = t.getInstant().plus(Duration.ofDays(2));
                long openMinutes = 0;
                for (Instant m = from; m.isBefore(to); m = m.plusSeconds(60)) if (clock.isOpen(m)) openMinutes++;
                assertThat(clock.businessTimeBetween(from, to)).as("%s around %s", schedule.zone(), t).isEqualTo(Duration.ofMinutes(openMinutes));
            }
        }
    }

    @Test
    void deadlineIsTheFirstInstantWithThatMuchOpenTimeBehindIt() {
        for (WeeklySchedule schedule : SCHEDULES) {
            BusinessClock clock = new BusinessClock(schedule);
            for (int i = 0; i < 300; i++) {
                Instant start = randomInstant();
                Duration amount = Duration.ofSeconds(1 + random.nextLong(i % 2 == 0 ? 20 * 3600 : 400 * 3600));
                Instant due = clock.deadline(start, amount).orElseThrow();
                assertThat(clock.businessTimeBetween(start, due)).as("%s from %s for %s", schedule.zone(), start, amount).isEqualTo(amount);
                assertThat(clock.businessTimeBetween(start, due.minusNanos(1))).isLessThan(amount);
                assertThat(clock.isOpen(due.minusNanos(1))).isTrue();
                Instant opening = clock.nextOpening(start).orElseThrow();
                assertThat(clock.isOpen(opening)).isTrue();
                assertThat(clock.businessTimeBetween(start, opening)).isZero();
            }
        }
    }

    private Instant randomInstant() {
        return Instant.parse("2026-09-01T00:00:00Z").plusSeconds(random.nextLong(600 * 86_400L)).plusNanos(random.nextInt(3) * 500_000_000L);
    }

    /** Every date's intervals, clipped: no arithmetic, no skipping. */
    private static Duration dateByDate(WeeklySchedule schedule, Instant from, Instant to) {
        if (!to.isAfter(from)) return Duration.ZERO;
        ZoneTimeline timeline = new ZoneTimeline(schedule.zone());
        Duration total = Duration.ZERO;
        for (LocalDate d = timeline.dateOf(from).minusDays(1); !d.isAfter(timeline.dateOf(to).plusDays(1)); d = d.plusDays(1)) {
            for (OpeningInterval i : schedule.intervalsOn(d)) {
                Instant s = timeline.at(d, i.startMinute());
                Instant e = timeline.at(d, i.endMinute());
                if (s.isBefore(from)) s = from;
                if (e.isAfter(to)) e = to;
                if (e.isAfter(s)) total = total.plus(Duration.between(s, e));
            }
        }
        return total;
    }
}
