package org.queqiao.desk;

import org.junit.jupiter.api.Test;
import org.queqiao.messaging.Entry;
import org.queqiao.messaging.EntryKind;
import org.queqiao.messaging.MessageBody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseTimesTest {
    private static final UUID VISITOR = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private final List<Entry> log = new ArrayList<>();

    private void say(UUID who, int second) {
        log.add(new Entry(UUID.randomUUID(), UUID.randomUUID(), log.size() + 1, who, "c" + log.size(), EntryKind.TEXT, MessageBody.text("x"), null, null,
                T0.plusSeconds(second), null, null));
    }

    @Test
    void firstResponseCountsFromTheHandoffAndIgnoresTheBot() {
        say(VISITOR, 0);
        say(DeskBot.BOT_ID, 1);     // the bot's answer is no response
        say(VISITOR, 5);            // before the handoff at 10
        say(DeskBot.BOT_ID, 10);
        say(AGENT, 40);
        var t = ResponseTimes.of(log, VISITOR, T0.plusSeconds(10));
        assertThat(t.firstResponseAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(t.responses()).isZero();
    }

    @Test
    void nextResponsesRunFromTheVisitorsFirstUnansweredMessageToTheReply() {
        say(AGENT, 20);
        say(VISITOR, 30);
        say(VISITOR, 35);           // still waiting since 30
        say(AGENT, 50);             // 20 s
        say(AGENT, 55);             // nothing was waiting
        say(VISITOR, 60);
        say(AGENT, 70);             // 10 s
        var t = ResponseTimes.of(log, VISITOR, T0.plusSeconds(10));
        assertThat(t.firstResponseAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(t.responses()).isEqualTo(2);
        assertThat(t.responseMsTotal()).isEqualTo(30_000);
    }

    @Test
    void neverHandedOffHasNoResponseTimes() {
        say(VISITOR, 0);
        say(AGENT, 1);
        assertThat(ResponseTimes.of(log, VISITOR, null)).isEqualTo(ResponseTimes.NONE);
    }
}
