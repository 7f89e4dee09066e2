package org.queqiao.desk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The desk's figures: daily sums per group and agent, added to when a conversation ends or is rated
 * (inside that transaction), so reports read a few hundred rows however many conversations there
 * were; and the conversations themselves, streamed, for the one-row-per-conversation export.
 */
public interface ReportStore {
    /** Adds the conversation (closed or missed, its SLA flags recorded) to its day's sums. */
    void ended(UUID conversationId, ZoneId zone);

    /** Adds a satisfaction score to the sums of the day the conversation ended. */
    void rated(UUID conversationId, ZoneId zone);

    /** Sums between two days (inclusive), one row per day, agent or group, in key order. */
    List<Totals> totals(UUID orgId, LocalDate from, LocalDate to, Dimension by);

    /** Every conversation opened in [from, to), oldest first, handed to {@code row} one at a time (never all in memory). */
    void conversations(UUID orgId, Instant from, Instant to, Consumer<ConversationRow> row);

    /** Recomputes the organisation's daily sums from its conversations (after changing desk.report-zone, or to repair). @return days written */
    int rebuild(UUID orgId, ZoneId zone);

    enum Dimension { DAY, AGENT, GROUP }

    /** Sums and counts; averages are {@code sum / count}, left to the caller. */
    record Totals(String key, long conversations, long handedOff, long botResolved, long missed, long waitMs, long waits, long firstResponseMs,
                  long firstResponses, long nextResponseMs, long nextResponses, long handleMs, long handled, long resolutionMs, long resolved,
                  long csatSum, long csatCount, long firstResponseBreaches, long resolutionBreaches) {}

    record ConversationRow(UUID id, UUID groupId, UUID agentId, UUID visitorId, String state, Instant openedAt, Instant queuedAt, String handoffReason,
                           Instant assignedAt, Instant firstResponseAt, Instant closedAt, int responses, long responseMsTotal, int botAnswers,
                           int botFallbacks, int transfers, List<String> tags, Integer csatScore, String csatComment, Boolean firstResponseBreached,
                           Boolean resolutionBreached) {}
}
