package org.queqiao.identity;

import org.queqiao.directory.Invitation;
import org.queqiao.directory.Invitations;
import org.queqiao.directory.Member;
import org.queqiao.directory.MemberDirectory;
import org.queqiao.directory.MemberProfile;
import org.queqiao.directory.MemberValidation;
import org.queqiao.directory.Organization;
import org.queqiao.directory.store.OrganizationStore;
import org.queqiao.identity.store.CredentialStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Accounts with credentials: sign-up, members added by an admin, joining by invitation, passwords. */
public final class Accounts {
    private final OrganizationStore orgs;
    private final MemberDirectory directory;
    private final Invitations invitations;
    private final CredentialStore credentials;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final AuditLog audit;
    private final Transactor tx;
    private final boolean signupEnabled;
    private final String signupPlan;

    public Accounts(OrganizationStore orgs, MemberDirectory directory, Invitations invitations, CredentialStore credentials,
                    Sessions sessions, PasswordHasher hasher, PasswordPolicy passwords, AuditLog audit, Transactor tx,
                    boolean signupEnabled, String signupPlan) {
        this.orgs = orgs;
        this.directory = directory;
        this.invitations = invitations;
        this.credentials = credentials;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwords = passwords;
        this.audit = audit;
        this.tx = tx;
        this.signupEnabled = signupEnabled;
        this.signupPlan = signupPlan;
    }

    public boolean signupEnabled() {
        return signupEnabled;
    }

    /** Creates an organisation with its first owner and signs the owner in. */
    public SignedIn signup(String orgName, String name, String email, String password, ClientInfo client) {
        if (!signupEnabled) throw ProblemException.forbidden("signup_disabled", "Sign-up is turned off on this server; ask its operator for an organisation");
        String org = Validate.text("orgName", orgName, 1, 100);
        String e = Validate.email("email", email);
        MemberProfile owner = new MemberProfile(MemberValidation.name("name", name), e, null, null, null, Role.OWNER, List.of());
        String hash = hasher.hash(passwords.check("password", password, e));
        Member m = tx.inTransaction(() -> {
            Organization o = new Organization(Ids.newId(), org, signupPlan, Instant.now());
            orgs.insert(o);
            Member created = directory.addMember(o.id(), owner, null, "org.created");
            credentials.setPassword(created.id(), hash, false);
            return created;
        });
        return sessions.open(m, client);
    }

    /** An admin adds a member, who gets a temporary password to change at first sign-in. */
    public NewMember addMember(Principal actor, MemberProfile profile) {
        Access.requireAdmin(actor);
        MemberProfile p = MemberValidation.profile(profile);
        String temp = passwords.temporary();
        String hash = hasher.hash(temp);
        Member m = tx.inTransaction(() -> {
            Member created = directory.addMember(actor.orgId(), p, actor.memberId(), "member.created");
            credentials.setPassword(created.id(), hash, true);
            return created;
        });
        return new NewMember(m, temp);
    }

    /** Someone joins with an invitation code, choosing their own password, and is signed in. */
    public SignedIn acceptInvitation(String code, String name, String email, String password, ClientInfo client) {
        Invitation inv = invitations.usable(code);
        String e = Validate.email("email", email);
        MemberProfile p = new MemberProfile(MemberValidation.name("name", name), e, null, null, null, inv.role(), List.of());
        String hash = hasher.hash(passwords.check("password", password, e));
        Member m = tx.inTransaction(() -> {
            invitations.consume(inv);
            Member created = directory.addMember(inv.orgId(), p, null, "member.joined");
            credentials.setPassword(created.id(), hash, false);
            audit.record(inv.orgId(), created.id(), "invitation.accepted", "invitation", inv.id().toString(), Map.of());
            return created;
        });
        return sessions.open(m, client);
    }

    /** True while the member still signs in with a temporary password an admin handed out. */
    public boolean mustChangePassword(Principal actor) {
        return credentials.find(actor.memberId()).map(c -> c.mustChangePassword()).orElse(false);
    }

    public void changePassword(Principal actor, String current, String next) {
        var cred = credentials.find(actor.memberId()).orElseThrow(() -> ProblemException.notFound("Account"));
        Validate.required("currentPassword", current);
        if (!hasher.verify(current, cred.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "wrong_password", "The current password is wrong");
        }
        Member me = directory.find(actor.orgId(), actor.memberId());
        credentials.setPassword(actor.memberId(), hasher.hash(passwords.check("newPassword", next, me.email())), false);
        sessions.revokeAll(actor.orgId(), actor.memberId(), actor.sessionId());
        audit.record(actor.orgId(), actor.memberId(), "password.changed", "member", actor.memberId().toString(), Map.of());
    }

    /** An admin resets a member's password: a temporary one is returned once, and every session of theirs ends. */
    public String resetPassword(Principal actor, UUID memberId) {
        Access.requireAdmin(actor);
        Member m = directory.find(actor.orgId(), memberId);
        if (!m.isActive()) throw ProblemException.conflict("member_deactivated", "A deactivated member cannot sign in", null);
        if (m.role() == Role.OWNER && actor.role() != Role.OWNER) throw ProblemException.forbidden("owner_required", "Only the owner may reset the owner's password");
        String temp = passwords.temporary();
        credentials.setPassword(m.id(), hasher.hash(temp), true);
        credentials.clearFailures(m.id());
        sessions.revokeAll(actor.orgId(), m.id(), null);
        audit.record(actor.orgId(), actor.memberId(), "password.reset", "member", m.id().toString(), Map.of());
        return temp;
    }
}
