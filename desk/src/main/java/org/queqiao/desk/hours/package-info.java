/**
 * Business hours and SLA clocks (ADR 0010, decision 8), framework-free and pure: a group's
 * {@link org.queqiao.desk.hours.WeeklySchedule} (time zone, weekly intervals, holidays, extra working
 * days), a {@link org.queqiao.desk.hours.BusinessClock} that counts only open time across DST changes,
 * and an {@link org.queqiao.desk.hours.SlaClock} that turns a conversation's recorded times into due
 * instants, business time used and breach flags.
 */
package org.queqiao.desk.hours;
