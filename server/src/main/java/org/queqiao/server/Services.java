package org.queqiao.server;

import org.queqiao.directory.DepartmentTree;
import org.queqiao.directory.Invitations;
import org.queqiao.directory.MemberDirectory;
import org.queqiao.directory.Organizations;
import org.queqiao.directory.csv.MemberCsvParser;
import org.queqiao.directory.csv.MemberImport;
import org.queqiao.http.ApiServices;
import org.queqiao.identity.Accounts;
import org.queqiao.identity.Activations;
import org.queqiao.identity.Offboarding;
import org.queqiao.identity.PasswordHasher;
import org.queqiao.identity.PasswordPolicy;
import org.queqiao.identity.SessionPolicy;
import org.queqiao.identity.Sessions;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.config.Config;
import org.queqiao.storage.pg.Db;
import org.queqiao.storage.pg.PgAuditLog;
import org.queqiao.storage.pg.PgCredentialStore;
import org.queqiao.storage.pg.PgDepartmentStore;
import org.queqiao.storage.pg.PgIdempotencyStore;
import org.queqiao.storage.pg.PgInvitationStore;
import org.queqiao.storage.pg.PgMemberStore;
import org.queqiao.storage.pg.PgOrganizationStore;
import org.queqiao.storage.pg.PgSessionStore;

import java.util.List;

/** Builds the domain services on the PostgreSQL stores: the whole object graph, in one readable place. */
final class Services {
    private Services() {}

    static ApiServices build(Config c, Db db, EventBus bus) {
        var orgs = new PgOrganizationStore(db);
        var members = new PgMemberStore(db);
        var departments = new PgDepartmentStore(db);
        var invitationStore = new PgInvitationStore(db);
        var audit = new PgAuditLog(db);
        var hasher = new PasswordHasher(c.integer("password.argon2-memory-kib"), c.integer("password.argon2-iterations"),
                c.integer("password.argon2-parallelism"));
        var policy = new SessionPolicy(c.duration("session.idle-timeout"), c.duration("session.max-lifetime"), c.integer("login.max-failures"),
                c.duration("login.lockout"), c.integer("login.max-failures-per-ip-per-minute"), c.integer("password.min-length"));

        var directory = new MemberDirectory(members, departments, orgs, audit, db);
        var tree = new DepartmentTree(departments, orgs, audit, db);
        var invitations = new Invitations(invitationStore, orgs, audit, db);
        var organizations = new Organizations(orgs, members, audit);
        var memberImport = new MemberImport(new MemberCsvParser(c.integer("import.max-rows")), members, departments, orgs, audit, db);
        var sessions = new Sessions(new PgSessionStore(db), new PgCredentialStore(db), directory, hasher, policy, bus);
        var accounts = new Accounts(orgs, directory, invitations, new PgCredentialStore(db), sessions, hasher,
                new PasswordPolicy(policy.minPasswordLength()), audit, db, c.bool("signup.enabled"), c.string("signup.default-plan"));
        var offboarding = new Offboarding(directory, members, orgs, sessions, List.of(invitationStore::reassignCreator), audit, db, bus);
        var activations = new Activations(new PgCredentialStore(db), directory, sessions, hasher, new PasswordPolicy(policy.minPasswordLength()),
                audit, c.duration("activation.ttl"), policy.maxFailuresPerIpPerMinute());
        return new ApiServices(accounts, sessions, offboarding, directory, tree, memberImport, invitations, organizations, audit,
                new PgIdempotencyStore(db), activations);
    }
}
