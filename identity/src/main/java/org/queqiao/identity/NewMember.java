package org.queqiao.identity;

import org.queqiao.directory.Member;

/** A member an admin just added, with the temporary password to hand them (shown once). */
public record NewMember(Member member, String temporaryPassword) {}
