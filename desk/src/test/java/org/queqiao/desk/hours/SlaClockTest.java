package org.queqiao.desk.hours;

import org.junit.jupiter.api.Test;
import org.queqiao.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.queqiao.desk.hours.Schedules.SHANGHAI;
import static org.queqiao.desk.hours.Schedules.at;
import static org.queqiao.desk.hours.Schedules.officeHours;

/** Mon–Fri 09:00–18:00 Shanghai; 30 minutes to first response, 8 business hours to resolution. */
class SlaClockTest {
    private static final Instant HANDOFF = at("2027-01-08T17:50", SHANGHAI);     // a Friday
    private final SlaClock sla = new SlaClock(SlaPolicy.ofMinutes(30L, 8 * 60L), new BusinessClock(officeHours(SHANGHAI, "")));

    @Test
    void aReplyBeforeClosingIsWithinTarget() {
        SlaStatus s = sla.status(HANDOFF, at("2027-01-08T17:59", SHANGHAI), null, at("2027-01-11T10:00", SHANGHAI));
        assertThat(s.firstResponse()).isEqualTo(new SlaTimer(Duration.ofMinutes(30), at("2027-01-11T09:20", SHANGHAI),
                Duration.ofMinutes(9), false, false));
        assertThat(s.firstResponse().remaining()).isEqualTo(Duration.ofMinutes(21));
        assertThat(s.firstResponseBreached()).isFalse();
        // Resolution keeps running: 10 minutes on Friday, one hour on Monday, due Monday 16:50.
        assertThat(s.resolution()).isEqualTo(new SlaTimer(Duration.ofHours(8), at("2027-01-11T16:50", SHANGHAI),
                Duration.ofMinutes(70), true, false));
    }

    @Test
    void waitingOverTheWeekendIsNotLateUntilMondayMorning() {
        SlaStatus sunday = sla.status(HANDOFF, null, null, at("2027-01-10T23:00", SHANGHAI));
        assertThat(sunday.firstResponse().elapsed()).isEqualTo(Duration.ofMinutes(10));
        assertThat(sunday.firstResponse().remaining()).isEqualTo(Duration.ofMinutes(20));
        assertThat(sunday.firstResponseBreached()).isFalse();

        SlaStatus monday = sla.status(HANDOFF, null, null, at("2027-01-11T09:21", SHANGHAI));
        assertThat(monday.firstResponse().running()).isTrue();
        assertThat(monday.firstResponseBreached()).isTrue();
        assertThat(monday.firstResponse().remaining()).isEqualTo(Duration.ofMinutes(-1));
    }

    @Test
    void aLateReplyStaysBreachedAfterwards() {
        SlaStatus s = sla.status(HANDOFF, at("2027-01-11T09:25", SHANGHAI), at("2027-01-11T09:40", SHANGHAI), at("2027-01-20T12:00", SHANGHAI));
        assertThat(s.firstResponse().running()).isFalse();
        assertThat(s.firstResponse().elapsed()).isEqualTo(Duration.ofMinutes(35));
        assertThat(s.firstResponseBreached()).isTrue();
        assertThat(s.resolution().elapsed()).isEqualTo(Duration.ofMinutes(50));
        assertThat(s.resolutionBreached()).isFalse();
    }

    @Test
    void aReplyAfterTheDueInstantIsLateEvenWhenNoBusinessTimePassed() {
        Instant handoff = at("2027-01-08T17:30", SHANGHAI);                           // due at closing, 18:00
        SlaStatus s = sla.status(handoff, at("2027-01-08T18:05", SHANGHAI), null, at("2027-01-08T18:10", SHANGHAI));
        assertThat(s.firstResponse().due()).isEqualTo(at("2027-01-08T18:00", SHANGHAI));
        assertThat(s.firstResponse().elapsed()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.firstResponseBreached()).isTrue();
        assertThat(sla.status(handoff, at("2027-01-08T18:00", SHANGHAI), null, at("2027-01-08T18:10", SHANGHAI)).firstResponseBreached()).isFalse();
    }

    @Test
    void closingUnansweredStopsTheResponseTimer() {
        SlaStatus early = sla.status(HANDOFF, null, at("2027-01-08T17:55", SHANGHAI), at("2027-01-12T12:00", SHANGHAI));
        assertThat(early.firstResponse().running()).isFalse();
        assertThat(early.firstResponse().elapsed()).isEqualTo(Duration.ofMinutes(5));
        assertThat(early.firstResponseBreached()).isFalse();

        SlaStatus late = sla.status(HANDOFF, null, at("2027-01-11T11:00", SHANGHAI), at("2027-01-12T12:00", SHANGHAI));
        assertThat(late.firstResponseBreached()).isTrue();
        assertThat(late.resolutionBreached()).isFalse();
    }

    @Test
    void resolutionBreachesAfterEightBusinessHours() {
        SlaStatus s = sla.status(HANDOFF, at("2027-01-08T17:52", SHANGHAI), null, at("2027-01-11T17:00", SHANGHAI));
        assertThat(s.resolution().elapsed()).isEqualTo(Duration.ofMinutes(10 + 8 * 60));
        assertThat(s.resolutionBreached()).isTrue();
    }

    @Test
    void withoutTargetsTimeIsStillMeasuredButNothingBreaches() {
        SlaClock none = new SlaClock(SlaPolicy.NONE, new BusinessClock(officeHours(SHANGHAI, "")));
        SlaStatus s = none.status(HANDOFF, null, null, at("2027-02-08T12:00", SHANGHAI));
        assertThat(s.firstResponse()).isEqualTo(new SlaTimer(null, null, Duration.ofHours(9 * 20 + 3).plusMinutes(10), true, false));
        assertThat(s.firstResponse().remaining()).isNull();
        assertThat(s.resolutionBreached()).isFalse();
    }

    @Test
    void alwaysOpenMeasuresWallClockTime() {
        SlaClock wall = new SlaClock(new SlaPolicy(Duration.ofMinutes(30), null), new BusinessClock(WeeklySchedule.ALWAYS_OPEN));
        SlaStatus s = wall.status(HANDOFF, null, null, HANDOFF.plus(Duration.ofMinutes(31)));
        assertThat(s.firstResponse().due()).isEqualTo(HANDOFF.plus(Duration.ofMinutes(30)));
        assertThat(s.firstResponseBreached()).isTrue();
        assertThat(s.resolution().elapsed()).isEqualTo(Duration.ofMinutes(31));
    }

    @Test
    void aNowBeforeTheHandoffMeasuresNothing() {
        SlaStatus s = sla.status(HANDOFF, null, null, HANDOFF.minusSeconds(5));
        assertThat(s.firstResponse().elapsed()).isZero();
        assertThat(s.firstResponseBreached()).isFalse();
    }

    @Test
    void policyValidationNamesTheField() {
        assertThatThrownBy(() -> new SlaPolicy(Duration.ZERO, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_sla_policy");
                    assertThat(e.field()).isEqualTo("firstResponse");
                });
        assertThatThrownBy(() -> new SlaPolicy(null, Duration.ofDays(366)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("resolution"));
        assertThatThrownBy(() -> SlaPolicy.ofMinutes(-1L, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("firstResponseMinutes"));
        assertThatThrownBy(() -> SlaPolicy.ofMinutes(null, Long.MAX_VALUE))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("resolutionMinutes"));
        assertThat(SlaPolicy.ofMinutes(null, null)).isEqualTo(SlaPolicy.NONE);
    }
}
