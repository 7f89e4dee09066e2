package org.queqiao.messaging.compliance;

import org.queqiao.messaging.Conversation;
import org.queqiao.messaging.Entry;
import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.messaging.store.MessageStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.problem.ProblemException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An admin's export of one conversation (for an audit, a legal hold, a court): every entry still
 * kept, in order, as JSON or CSV, streamed page by page; the export itself is audited.
 */
public final class ChatExport {
    private static final int PAGE = 1_000;

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final AuditLog audit;

    public ChatExport(ConversationStore conversations, MessageStore messages, AuditLog audit) {
        this.conversations = conversations;
        this.messages = messages;
        this.audit = audit;
    }

    public enum Format { JSON, CSV }

    /** Checks access and records the audit entry; then {@link #write} streams. */
    public Conversation start(Principal p, UUID conversationId, Format format) {
        Access.requireAdmin(p);
        Conversation c = conversations.find(p.orgId(), conversationId)
                .orElseThrow(() -> new ProblemException(404, "no_such_conversation", "There is no such conversation in your organisation", null, null));
        audit.record(p.orgId(), p.memberId(), "chat.exported", "conversation", c.id().toString(),
                Map.of("format", format.name().toLowerCase(java.util.Locale.ROOT), "entries", c.lastSeq()));
        return c;
    }

    public void write(Conversation c, Format format, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (format == Format.CSV) {
                w.write('\uFEFF'); // Excel reads UTF-8 only with a byte-order mark
                w.write("seq,createdAt,senderId,kind,text,file,targetSeq,editedAt,recalledAt\r\n");
            } else {
                w.write("{\"conversation\":" + Json.write(Map.of("id", c.id(), "kind", c.kind().wire(), "title", c.title() == null ? "" : c.title()))
                        + ",\"entries\":[");
            }
            long after = 0;
            boolean first = true;
            while (true) {
                List<Entry> page = messages.oldestAfter(c.id(), after, PAGE);
                for (Entry e : page) {
                    if (format == Format.CSV) {
                        w.write(csvRow(e));
                    } else {
                        if (!first) w.write(',');
                        w.write(Json.write(e));
                    }
                    first = false;
                    after = e.seq();
                }
                if (page.size() < PAGE) break;
            }
            if (format == Format.JSON) w.write("]}");
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csvRow(Entry e) {
        var b = e.body();
        return String.join(",", String.valueOf(e.seq()), String.valueOf(e.createdAt()), e.senderId() == null ? "" : e.senderId().toString(),
                e.kind().wire(), cell(b == null ? null : b.text() != null ? b.text() : b.event() != null ? Json.write(b.event()) : b.emoji()),
                cell(b == null || b.file() == null ? null : b.file().name()), e.targetSeq() == null ? "" : e.targetSeq().toString(),
                e.editedAt() == null ? "" : e.editedAt().toString(), e.recalledAt() == null ? "" : e.recalledAt().toString()) + "\r\n";
    }

    /** Quoted; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
    static String cell(String v) {
        if (v == null) return "";
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
