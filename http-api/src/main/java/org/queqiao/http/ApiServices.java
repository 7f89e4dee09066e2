package org.queqiao.http;

import org.queqiao.directory.DepartmentTree;
import org.queqiao.directory.Invitations;
import org.queqiao.directory.MemberDirectory;
import org.queqiao.directory.Organizations;
import org.queqiao.directory.csv.MemberImport;
import org.queqiao.identity.Accounts;
import org.queqiao.identity.Activations;
import org.queqiao.identity.Offboarding;
import org.queqiao.identity.Sessions;
import org.queqiao.messaging.Messaging;
import org.queqiao.messaging.compliance.ChatExport;
import org.queqiao.messaging.compliance.ChatPolicies;
import org.queqiao.messaging.search.MessageSearch;
import org.queqiao.messaging.notice.UrgentNotices;
import org.queqiao.platform.audit.AuditReader;
import org.queqiao.platform.idempotency.IdempotencyStore;

/** The domain services the HTTP API exposes; built by the server's wiring. */
public record ApiServices(Accounts accounts, Sessions sessions, Offboarding offboarding, MemberDirectory members,
                          DepartmentTree departments, MemberImport memberImport, Invitations invitations,
                          Organizations organizations, AuditReader audit, IdempotencyStore idempotency, Activations activations,
                          Messaging messaging, UrgentNotices notices, ChatPolicies chatPolicies, ChatExport chatExport,
                          MessageSearch search, org.queqiao.meetings.Meetings meetings, org.queqiao.desk.Desk desk,
                          org.queqiao.desk.wire.DeskViews deskViews) {}
