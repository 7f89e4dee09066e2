package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.messaging.store.MessageStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.realtime.Pushes;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.util.UUID;

/** The messaging capability, assembled: its public surface is the services returned here. */
public final class Messaging implements AutoCloseable {
    private final Conversations conversations;
    private final GroupMembers groups;
    private final ChatLog log;
    private final ChatReads reads;
    private final ChatOffboarding offboarding;
    private final ChatFiles files;
    private final DirectoryGroups directoryGroups;
    private final Appender appender;
    private final ChatSettings settings;
    private final DeskLogs desk;

    public Messaging(ConversationStore conversationStore, MessageStore messageStore, Transactor tx, Pushes pushes, AuditLog audit,
                     ChatSettings settings, TextFilter filter, Clock clock, BatchObserver observer,
                     org.queqiao.platform.blob.BlobStore blobs) {
        this.settings = settings;
        ChatDelivery delivery = new ChatDelivery(pushes, conversationStore, settings.receiptPushMaxMembers());
        ChatAccess access = new ChatAccess(conversationStore);
        this.appender = new Appender(conversationStore, messageStore, tx, delivery, settings.writers(), observer);
        this.conversations = new Conversations(conversationStore, access, appender, delivery, audit, tx, settings.maxGroupMembers());
        this.groups = new GroupMembers(conversationStore, access, appender, delivery, audit, tx, settings.maxGroupMembers());
        MessageRules rules = new MessageRules(settings.maxTextChars(), filter);
        this.log = new ChatLog(messageStore, conversationStore, access, appender, rules, settings, clock);
        this.desk = new DeskLogs(conversationStore, messageStore, appender, rules, delivery, tx);
        this.reads = new ChatReads(conversationStore, messageStore, access, delivery, settings);
        this.directoryGroups = new DirectoryGroups(conversationStore, appender, delivery, audit, tx);
        this.files = new ChatFiles(conversationStore, messageStore, access, log, blobs, settings.maxFileBytes(), clock);
        this.offboarding = new ChatOffboarding(conversationStore, appender, delivery, tx);
    }

    public Conversations conversations() { return conversations; }

    public GroupMembers groups() { return groups; }

    public ChatLog log() { return log; }

    public ChatReads reads() { return reads; }

    public ChatFiles files() { return files; }

    public ChatSettings settings() { return settings; }

    /** The log as the customer-service desk uses it: desk conversations, visitors' and the bot's posts. */
    public DeskLogs desk() { return desk; }

    /**
     * Offboarding's hand-over hook (runs inside the deactivation transaction): removes the member
     * from every conversation and hands their groups to {@code heirId}. @return groups handed over
     */
    /** Directory hook (inside the directory's transaction): department and all-staff groups follow. */
    public void directoryChanged(UUID orgId, java.util.Collection<UUID> memberIds) {
        directoryGroups.membersChanged(orgId, memberIds);
    }

    public DirectoryGroups directoryGroups() { return directoryGroups; }

    public int offboard(UUID orgId, UUID memberId, UUID heirId) {
        return offboarding.offboard(orgId, memberId, heirId);
    }

    /** Stops the log writers; appends still queued are refused with busy. */
    @Override
    public void close() {
        appender.close();
    }
}
