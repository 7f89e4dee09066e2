package org.queqiao.identity;

import org.queqiao.directory.Member;

/** The result of a login, sign-up or invitation acceptance: the new session, its token and the member. */
public record SignedIn(String token, Session session, Member member) {}
