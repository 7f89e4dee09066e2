package org.queqiao.desk.store;

import org.queqiao.desk.Agent;
import org.queqiao.desk.AgentStatus;
import org.queqiao.desk.Channel;
import org.queqiao.desk.SkillGroup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Skill groups, agent seats and who is in which group, channels, canned responses. Every lookup is scoped to an organisation. */
public interface DeskSetupStore {
    void insertGroup(SkillGroup g);

    void updateGroup(SkillGroup g);

    /** @return false when the group still has agents or open conversations */
    boolean deleteGroup(UUID orgId, UUID groupId, Instant at);

    Optional<SkillGroup> group(UUID orgId, UUID groupId);

    List<SkillGroup> groups(UUID orgId);

    /** Locks the organisation's seats (counting and adding one is then race-free). @return seats in use */
    int lockSeats(UUID orgId);

    void insertAgent(Agent a);

    void updateAgent(UUID orgId, UUID memberId, int maxConcurrent, boolean supervisor);

    /** @return false when they are no agent */
    boolean setStatus(UUID orgId, UUID memberId, AgentStatus status, Instant at);

    /** Frees the seat; the caller has handed their conversations on first. */
    void deleteAgent(UUID orgId, UUID memberId);

    Optional<Agent> agent(UUID orgId, UUID memberId);

    List<Agent> agents(UUID orgId);

    /** Sets the agent's groups (within the organisation). */
    void setAgentGroups(UUID orgId, UUID memberId, List<UUID> groupIds);

    List<UUID> groupsOf(UUID orgId, UUID memberId);

    List<UUID> agentsOf(UUID orgId, UUID groupId);

    void insertChannel(Channel c);

    Optional<Channel> channel(UUID orgId, UUID channelId);

    /** By the public key in a widget's script tag (any organisation: the key identifies it). */
    Optional<Channel> channelByKey(String widgetKey);

    List<Channel> channels(UUID orgId);

    void insertCanned(CannedResponse c);

    boolean deleteCanned(UUID orgId, UUID id);

    List<CannedResponse> canned(UUID orgId);

    record CannedResponse(UUID id, UUID orgId, String shortcut, String text, UUID createdBy, Instant createdAt) {}
}
