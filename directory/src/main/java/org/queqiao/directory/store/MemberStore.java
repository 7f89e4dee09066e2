package org.queqiao.directory.store;

import org.queqiao.directory.Member;
import org.queqiao.directory.MemberQuery;
import org.queqiao.platform.page.Page;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface MemberStore {
    /** Inserts the member with its department links. */
    void insert(Member member);

    /** Inserts many members at once (CSV import); same effect as {@link #insert} for each. */
    void insertAll(List<Member> members);

    Optional<Member> find(UUID orgId, UUID id);

    /** The active account with this e-mail in any organisation (e-mails are logins). */
    Optional<Member> findActiveByEmail(String email);

    /** Which of these e-mails already belong to an active account. */
    List<String> activeEmailsAmong(Collection<String> emails);

    /** Replaces the profile fields, role and department links. */
    void update(Member member);

    void deactivate(UUID orgId, UUID id, Instant at);

    long countActive(UUID orgId);

    Page<Member> search(MemberQuery query);

    /**
     * After a bulk load (committed): brings the search structures up to date with the new rows
     * (planner statistics, visibility for index-only scans). May finish in the background.
     */
    void refreshAfterBulkLoad();
}
