package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.desk.Agent;
import org.queqiao.desk.AgentStatus;
import org.queqiao.desk.Channel;
import org.queqiao.desk.RoutingMode;
import org.queqiao.desk.SkillGroup;
import org.queqiao.desk.store.DeskSetupStore;
import org.queqiao.platform.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Skill groups, agent seats, channels and canned responses (V9 migration). */
public final class PgDeskSetupStore implements DeskSetupStore {
    @SuppressWarnings("unchecked")
    private static final RowMapper<SkillGroup> GROUP = (rs, ctx) -> new SkillGroup(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"), rs.getString("name"),
            RoutingMode.fromWire(rs.getString("routing")), rs.getString("business_hours") == null ? null : Json.read(rs.getString("business_hours"), Map.class),
            seconds(rs.getObject("sla_first_response_s")), seconds(rs.getObject("sla_resolution_s")), seconds(rs.getObject("max_wait_s")),
            Rows.instant(rs, "created_at"));
    private static final RowMapper<Agent> AGENT = (rs, ctx) -> new Agent(Rows.uuid(rs, "org_id"), Rows.uuid(rs, "member_id"),
            rs.getInt("max_concurrent"), AgentStatus.fromWire(rs.getString("status")), rs.getInt("active"), rs.getBoolean("supervisor"),
            Rows.instant(rs, "last_assigned_at"), Rows.instant(rs, "status_at"));
    private static final RowMapper<Channel> CHANNEL = (rs, ctx) -> new Channel(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"), rs.getString("kind"),
            rs.getString("name"), rs.getString("widget_key"), rs.getString("identity_secret"), Rows.uuid(rs, "group_id"), rs.getBoolean("pre_chat_form"),
            Rows.instant(rs, "created_at"));
    private static final RowMapper<CannedResponse> CANNED = (rs, ctx) -> new CannedResponse(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"),
            rs.getString("shortcut"), rs.getString("text"), Rows.uuid(rs, "created_by"), Rows.instant(rs, "created_at"));

    private final Db db;

    public PgDeskSetupStore(Db db) {
        this.db = db;
    }

    private static Duration seconds(Object v) {
        return v == null ? null : Duration.ofSeconds(((Number) v).longValue());
    }

    private static Long secondsOf(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    @Override
    public void insertGroup(SkillGroup g) {
        db.use(h -> h.createUpdate("insert into desk_groups (id, org_id, name, routing, business_hours, sla_first_response_s, sla_resolution_s, "
                        + "max_wait_s, created_at) values (:id, :org, :name, :r, cast(:bh as jsonb), :frt, :res, :wait, :at)")
                .bind("id", g.id()).bind("org", g.orgId()).bind("at", g.createdAt()).bindMap(groupFields(g)).execute());
    }

    @Override
    public void updateGroup(SkillGroup g) {
        db.use(h -> h.createUpdate("update desk_groups set name = :name, routing = :r, business_hours = cast(:bh as jsonb), sla_first_response_s = :frt, "
                        + "sla_resolution_s = :res, max_wait_s = :wait where id = :id and org_id = :org and deleted_at is null")
                .bind("id", g.id()).bind("org", g.orgId()).bindMap(groupFields(g)).execute());
    }

    private static Map<String, Object> groupFields(SkillGroup g) {
        var m = new java.util.HashMap<String, Object>();
        m.put("name", g.name());
        m.put("r", g.routing().wire());
        m.put("bh", g.businessHours() == null ? null : Json.write(g.businessHours()));
        m.put("frt", secondsOf(g.slaFirstResponse()));
        m.put("res", secondsOf(g.slaResolution()));
        m.put("wait", secondsOf(g.maxWait()));
        return m;
    }

    @Override
    public boolean deleteGroup(UUID orgId, UUID groupId, Instant at) {
        return db.with(h -> h.createUpdate("update desk_groups set deleted_at = :at where id = :g and org_id = :org and deleted_at is null "
                        + "and not exists (select 1 from desk_group_agents where group_id = :g) "
                        + "and not exists (select 1 from desk_channels where group_id = :g and deleted_at is null) "
                        + "and not exists (select 1 from desk_conversations where group_id = :g and state in ('bot', 'queued', 'offered', 'assigned'))")
                .bind("g", groupId).bind("org", orgId).bind("at", at).execute()) == 1;
    }

    @Override
    public Optional<SkillGroup> group(UUID orgId, UUID groupId) {
        return db.with(h -> h.createQuery("select * from desk_groups where id = :g and org_id = :org and deleted_at is null")
                .bind("g", groupId).bind("org", orgId).map(GROUP).findOne());
    }

    @Override
    public List<SkillGroup> groups(UUID orgId) {
        return db.with(h -> h.createQuery("select * from desk_groups where org_id = :org and deleted_at is null order by created_at, id")
                .bind("org", orgId).map(GROUP).list());
    }

    @Override
    public int lockSeats(UUID orgId) {
        db.use(h -> h.createQuery("select id from organizations where id = :org for update").bind("org", orgId).mapTo(UUID.class).list());
        return db.with(h -> h.createQuery("select count(*) from desk_agents where org_id = :org").bind("org", orgId).mapTo(Integer.class).one());
    }

    @Override
    public void insertAgent(Agent a) {
        db.use(h -> h.createUpdate("insert into desk_agents (org_id, member_id, max_concurrent, status, supervisor, status_at, created_at) "
                        + "values (:org, :m, :max, :s, :sup, :at, :at)")
                .bind("org", a.orgId()).bind("m", a.memberId()).bind("max", a.maxConcurrent()).bind("s", a.status().wire())
                .bind("sup", a.supervisor()).bind("at", a.statusAt()).execute());
    }

    @Override
    public void updateAgent(UUID orgId, UUID memberId, int maxConcurrent, boolean supervisor) {
        db.use(h -> h.createUpdate("update desk_agents set max_concurrent = :max, supervisor = :sup where org_id = :org and member_id = :m")
                .bind("org", orgId).bind("m", memberId).bind("max", maxConcurrent).bind("sup", supervisor).execute());
    }

    @Override
    public boolean setStatus(UUID orgId, UUID memberId, AgentStatus status, Instant at) {
        return db.with(h -> h.createUpdate("update desk_agents set status = :s, status_at = :at where org_id = :org and member_id = :m")
                .bind("org", orgId).bind("m", memberId).bind("s", status.wire()).bind("at", at).execute()) == 1;
    }

    @Override
    public void deleteAgent(UUID orgId, UUID memberId) {
        db.use(h -> h.createUpdate("delete from desk_agents where org_id = :org and member_id = :m").bind("org", orgId).bind("m", memberId).execute());
    }

    @Override
    public Optional<Agent> agent(UUID orgId, UUID memberId) {
        return db.with(h -> h.createQuery("select * from desk_agents where org_id = :org and member_id = :m").bind("org", orgId).bind("m", memberId)
                .map(AGENT).findOne());
    }

    @Override
    public List<Agent> agents(UUID orgId) {
        return db.with(h -> h.createQuery("select * from desk_agents where org_id = :org order by created_at, member_id").bind("org", orgId)
                .map(AGENT).list());
    }

    @Override
    public void setAgentGroups(UUID orgId, UUID memberId, List<UUID> groupIds) {
        db.use(h -> {
            h.createUpdate("delete from desk_group_agents where org_id = :org and member_id = :m").bind("org", orgId).bind("m", memberId).execute();
            if (!groupIds.isEmpty()) {
                h.createUpdate("insert into desk_group_agents (group_id, member_id, org_id) select g.id, :m, :org from desk_groups g "
                                + "where g.id = any(cast(:ids as uuid[])) and g.org_id = :org and g.deleted_at is null")
                        .bind("org", orgId).bind("m", memberId).bindArray("ids", UUID.class, groupIds).execute();
            }
            // the seat's copy, from what was just written (V11): what the router reads its candidates by
            h.createUpdate("update desk_agents set group_ids = array(select group_id from desk_group_agents where org_id = :org and member_id = :m "
                    + "order by group_id) where org_id = :org and member_id = :m").bind("org", orgId).bind("m", memberId).execute();
        });
    }

    @Override
    public List<UUID> groupsOf(UUID orgId, UUID memberId) {
        return db.with(h -> h.createQuery("select group_id from desk_group_agents where org_id = :org and member_id = :m order by group_id")
                .bind("org", orgId).bind("m", memberId).mapTo(UUID.class).list());
    }

    @Override
    public List<UUID> agentsOf(UUID orgId, UUID groupId) {
        return db.with(h -> h.createQuery("select member_id from desk_group_agents where org_id = :org and group_id = :g")
                .bind("org", orgId).bind("g", groupId).mapTo(UUID.class).list());
    }

    @Override
    public void insertChannel(Channel c) {
        db.use(h -> h.createUpdate("insert into desk_channels (id, org_id, kind, name, widget_key, identity_secret, group_id, pre_chat_form, created_at) "
                        + "values (:id, :org, :kind, :name, :key, :secret, :g, :pre, :at)")
                .bind("id", c.id()).bind("org", c.orgId()).bind("kind", c.kind()).bind("name", c.name()).bind("key", c.widgetKey())
                .bind("secret", c.identitySecret()).bind("g", c.groupId()).bind("pre", c.preChatForm()).bind("at", c.createdAt()).execute());
    }

    @Override
    public Optional<Channel> channel(UUID orgId, UUID channelId) {
        return db.with(h -> h.createQuery("select * from desk_channels where id = :id and org_id = :org and deleted_at is null")
                .bind("id", channelId).bind("org", orgId).map(CHANNEL).findOne());
    }

    @Override
    public Optional<Channel> channelByKey(String widgetKey) {
        return db.with(h -> h.createQuery("select * from desk_channels where widget_key = :k and deleted_at is null").bind("k", widgetKey)
                .map(CHANNEL).findOne());
    }

    @Override
    public List<Channel> channels(UUID orgId) {
        return db.with(h -> h.createQuery("select * from desk_channels where org_id = :org and deleted_at is null order by created_at")
                .bind("org", orgId).map(CHANNEL).list());
    }

    @Override
    public void insertCanned(CannedResponse c) {
        db.use(h -> h.createUpdate("insert into desk_canned_responses (id, org_id, shortcut, text, created_by, created_at) "
                        + "values (:id, :org, :s, :t, :by, :at)")
                .bind("id", c.id()).bind("org", c.orgId()).bind("s", c.shortcut()).bind("t", c.text()).bind("by", c.createdBy())
                .bind("at", c.createdAt()).execute());
    }

    @Override
    public boolean deleteCanned(UUID orgId, UUID id) {
        return db.with(h -> h.createUpdate("delete from desk_canned_responses where id = :id and org_id = :org").bind("id", id).bind("org", orgId)
                .execute()) == 1;
    }

    @Override
    public List<CannedResponse> canned(UUID orgId) {
        return db.with(h -> h.createQuery("select * from desk_canned_responses where org_id = :org order by lower(shortcut)").bind("org", orgId)
                .map(CANNED).list());
    }
}
