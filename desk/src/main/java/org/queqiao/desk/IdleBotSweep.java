package org.queqiao.desk;

import org.queqiao.desk.routing.DeskTimers;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Visitors who got their answer from the bot usually just leave: a conversation with the bot that has
 * been quiet for {@code desk.bot-idle-close} is closed (by nobody), so it counts as resolved by the bot in
 * the reports and the visitor's next visit starts afresh. Runs every minute; nodes of a cluster may all
 * run it, the guarded close makes a second close of the same conversation do nothing.
 */
final class IdleBotSweep {
    private static final Logger log = LoggerFactory.getLogger(IdleBotSweep.class);
    static final Duration AT_MOST_EVERY = Duration.ofMinutes(1);
    static final int BATCH = 500;

    private final DeskConversationStore conversations;
    private final Closing closing;
    private final DeskTimers timers;
    private final Duration idle;
    private final Clock clock;
    private volatile boolean stopped;

    IdleBotSweep(DeskConversationStore conversations, Closing closing, DeskTimers timers, Duration idle, Clock clock) {
        this.conversations = conversations;
        this.closing = closing;
        this.timers = timers;
        this.idle = idle;
        this.clock = clock;
    }

    void start() {
        timers.at(clock.instant().plus(every()), this::sweep);
    }

    /** A minute, or the idle time when that is shorter (so a short setting is honoured). */
    private Duration every() {
        return idle.compareTo(AT_MOST_EVERY) < 0 ? idle : AT_MOST_EVERY;
    }

    void stop() {
        stopped = true;
    }

    void sweep() {
        if (stopped) return;
        try {
            List<DeskConversation> quiet = conversations.idleWithBot(clock.instant().minus(idle), BATCH);
            for (DeskConversation c : quiet) {
                try {
                    // only if the bot still has it: a handoff in the meantime wins
                    closing.closeNow(c.orgId(), c.id(), null, List.of(), id -> conversations.lock(c.orgId(), id)
                            .filter(locked -> locked.state() == ConversationState.BOT)
                            .orElseThrow(() -> ProblemException.conflict("not_with_bot", "handed off meanwhile", null)));
                } catch (ProblemException moved) {
                    // nothing to do
                }
            }
            if (!quiet.isEmpty()) log.info("closed {} conversations the visitor had left with the bot", quiet.size());
        } catch (RuntimeException e) {
            log.warn("closing idle bot conversations failed; trying again in a minute", e);
        } finally {
            if (!stopped) timers.at(clock.instant().plus(every()), this::sweep);
        }
    }
}
