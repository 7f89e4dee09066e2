package org.queqiao.messaging.compliance;

import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admins set how long chat history is kept and which words are blocked or masked. */
public final class ChatPolicies {
    public static final int MAX_WORDS = 20_000;
    public static final int MAX_RETENTION_DAYS = 36_500;

    private final ChatPolicyStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final java.util.function.Consumer<UUID> changed;

    /** {@code changed} runs after a policy changed (the word filter drops its cached automaton). */
    public ChatPolicies(ChatPolicyStore store, AuditLog audit, Clock clock, java.util.function.Consumer<UUID> changed) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
    }

    public ChatPolicy get(Principal p) {
        Access.requireAdmin(p);
        return store.find(p.orgId()).orElse(ChatPolicy.defaults(p.orgId()));
    }

    /**
     * Replaces what is given; null leaves a setting as it is. {@code retentionDays} 0 means keep forever.
     */
    public ChatPolicy update(Principal p, Integer retentionDays, List<ChatPolicy.Word> words) {
        Access.requireAdmin(p);
        ChatPolicy cur = store.find(p.orgId()).orElse(ChatPolicy.defaults(p.orgId()));
        Integer retention = cur.retentionDays();
        if (retentionDays != null) {
            if (retentionDays < 0 || retentionDays > MAX_RETENTION_DAYS) {
                throw ProblemException.invalid("retentionDays", "out_of_range", "retentionDays must be 1 to " + MAX_RETENTION_DAYS + ", or 0 to keep history forever");
            }
            retention = retentionDays == 0 ? null : retentionDays;
        }
        List<ChatPolicy.Word> list = words == null ? cur.sensitiveWords() : validate(words);
        ChatPolicy next = new ChatPolicy(p.orgId(), retention, list, p.memberId(), clock.instant());
        store.save(next);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("retentionDays", retention == null ? "forever" : retention);
        details.put("sensitiveWords", list.size());
        audit.record(p.orgId(), p.memberId(), "chat.policy_updated", "organization", p.orgId().toString(), details);
        changed.accept(p.orgId());
        return next;
    }

    /** The words as the filter will use them; building the filter checks every word (naming the bad one). */
    private static List<ChatPolicy.Word> validate(List<ChatPolicy.Word> words) {
        if (words.size() > MAX_WORDS) {
            throw new ProblemException(400, "too_many_words", "At most " + MAX_WORDS + " sensitive words", "sensitiveWords", Map.of("limit", MAX_WORDS));
        }
        List<ChatPolicy.Word> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            ChatPolicy.Word w = words.get(i);
            if (w == null || w.action() == null) throw ProblemException.invalid("sensitiveWords[" + i + "].action", "required", "Each word needs action block or mask");
            out.add(w);
        }
        SensitiveWordFilter.build(out); // throws on the first invalid word, naming it
        return List.copyOf(out);
    }

}
