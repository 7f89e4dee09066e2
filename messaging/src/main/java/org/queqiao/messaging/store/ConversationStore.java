package org.queqiao.messaging.store;

import org.queqiao.messaging.ChatRole;
import org.queqiao.messaging.Conversation;
import org.queqiao.messaging.ConversationSummary;
import org.queqiao.messaging.Membership;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations and their members. Every lookup is scoped to an organisation: another tenant's id finds nothing. */
public interface ConversationStore {
    void insert(Conversation c);

    Optional<Conversation> find(UUID orgId, UUID id);

    /** Finds and locks the conversation row until the transaction ends (serialises membership changes and appends). */
    Optional<Conversation> lock(UUID orgId, UUID id);

    Optional<Conversation> findDirect(UUID orgId, String directKey);

    Optional<Conversation> findDepartmentGroup(UUID orgId, UUID departmentId);

    Optional<Conversation> findAllStaff(UUID orgId);

    /** Title, announcement and dissolution. */
    void update(Conversation c);

    Optional<Membership> membership(UUID conversationId, UUID memberId);

    /** For a batch: each (conversation, member) pair's conversation and membership, where both exist in the organisation. */
    java.util.Map<SeatKey, org.queqiao.messaging.Seat> seats(List<SeatKey> keys);

    record SeatKey(UUID orgId, UUID conversationId, UUID memberId) {}

    /**
     * Adds the members not yet in the conversation, who see entries after {@code visibleAfter};
     * keeps member_count right. @return the members actually added
     */
    List<UUID> addMembers(UUID orgId, UUID conversationId, Collection<UUID> memberIds, ChatRole role, long visibleAfter, Instant at);

    /**
     * One member into each of several conversations ({@code conversationIds[i]} gets {@code memberIds[i]}),
     * in one statement; member counts kept right.
     */
    void addMemberToEach(UUID orgId, List<UUID> conversationIds, List<UUID> memberIds, ChatRole role, long visibleAfter, Instant at);

    /** @return the members actually removed */
    List<UUID> removeMembers(UUID conversationId, Collection<UUID> memberIds);

    void setRole(UUID conversationId, UUID memberId, ChatRole role);

    void setMutedUntil(UUID conversationId, UUID memberId, Instant until);

    /** Every member id, for fanning out a push (an index-only read, no per-member state). */
    List<UUID> memberIds(UUID conversationId);

    /** The member ids of several conversations at once (one query for a whole batch of pushes). */
    java.util.Map<UUID, List<UUID>> memberIds(java.util.Collection<UUID> conversationIds);

    Page<Membership> members(UUID conversationId, PageRequest page);

    /** The member's conversations, most recent activity first. */
    Page<ConversationSummary> listFor(UUID orgId, UUID memberId, PageRequest page);

    /** Moves the read position forward to {@code seq} (never back). @return the read position now */
    long markRead(UUID conversationId, UUID memberId, long seq);

    /** How many members have read entry {@code seq}, and how many have not (among those who can see it). */
    ReceiptCounts receiptCounts(UUID conversationId, long seq);

    /** Members who have read ({@code read}) or not read entry {@code seq}, in member id order. */
    Page<UUID> receiptMembers(UUID conversationId, long seq, boolean read, PageRequest page);

    /** Which of these are active members of the organisation. */
    List<UUID> activeMembersAmong(UUID orgId, Collection<UUID> memberIds);

    /**
     * Removes the member from every conversation of the organisation at once (offboarding) and keeps
     * member counts right. @return the conversations they were in
     */
    List<Conversation> removeFromAll(UUID orgId, UUID memberId);

    /** The groups (not direct chats) the member owns. */
    List<UUID> groupsOwnedBy(UUID orgId, UUID memberId);

    /** Every conversation the member is in, with its kind, newest number and the member's read position. */
    java.util.Map<UUID, Position> positions(UUID orgId, UUID memberId);

    /** Registers a file as posted in the conversation (again is harmless). */
    void recordFile(org.queqiao.messaging.ChatFile file);

    Optional<org.queqiao.messaging.ChatFile> findFile(UUID conversationId, String sha256);

    /**
     * Brings the department and all-staff groups of the organisation in step with the directory for
     * these members: adds them where they belong (seeing only what is said from now on), removes them
     * from department groups of departments they left. @return what changed, per conversation
     */
    List<DirectoryChange> syncDirectoryGroups(UUID orgId, Collection<UUID> memberIds, Instant at);

    /** The active members directly in a department (for creating its group). */
    List<UUID> departmentMembers(UUID orgId, UUID departmentId);

    /** The department's name, if it exists in the organisation. */
    Optional<String> departmentName(UUID orgId, UUID departmentId);

    /** Every active member of the organisation. */
    List<UUID> activeMembers(UUID orgId);

    record DirectoryChange(UUID conversationId, List<UUID> added, List<UUID> removed) {}

    record ReceiptCounts(long read, long unread) {}

    record Position(org.queqiao.messaging.ConversationKind kind, long lastSeq, long readSeq) {}
}
