package org.queqiao.storage.pg;

/**
 * The state guard of a statement that changes one desk conversation found by its id ("close it if it is still
 * open"), written so that PostgreSQL reads the row through the primary key whatever its statistics say.
 *
 * <p>{@code desk_conversations} has partial indexes over open states: the queue, the agents' load, the one open
 * conversation per visitor. A guard written {@code state = 'queued'} or {@code state in (...)} implies their
 * predicates, so the planner may answer {@code id = ? and state = 'queued'} by reading a whole partial index
 * and filtering on the id. It does so when its statistics say hardly any conversation is open (taken at
 * night, or when a year's ended conversations outnumber the open ones a hundred to one): the partial index
 * then looks as cheap as the primary key. Measured with a million ended conversations and 10,000 open (bench
 * desk-load.sh with history): a close read all 10,000 entries of the open-per-visitor index, 11–30 ms instead
 * of 0.02 ms, and the router's passes queued behind it. The planner proves no partial index's predicate from
 * {@code is not distinct from} (for a column that is never null, the same test as {@code =}) or from
 * {@code not in}.
 */
final class DeskStateGuard {
    private DeskStateGuard() {}

    /**
     * Ended: closed or missed (both set {@code closed_at}). Asked as {@code closed_at is not null} instead, the
     * planner read the whole {@code (org_id, closed_at)} index and filtered on the id when its statistics were
     * taken before the day's first close: every close then read every earlier close.
     */
    static final String ENDED = "state in ('closed', 'missed')";

    /** Not ended: neither closed nor missed. */
    static final String OPEN = "state not in ('closed', 'missed')";

    /** In this one state (a literal of ConversationState's wire names). */
    static String is(String state) {
        return "state is not distinct from '" + state + "'";
    }

    /** In the state bound to the named parameter. */
    static String isBound(String parameter) {
        return "state is not distinct from :" + parameter;
    }
}
