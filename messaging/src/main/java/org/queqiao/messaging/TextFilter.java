package org.queqiao.messaging;

import java.util.UUID;

/**
 * The organisation's compliance check on message text (the sensitive-word filter): returns the text
 * to store (possibly masked) or throws a ProblemException ({@code sensitive_content}) to refuse it.
 */
@FunctionalInterface
public interface TextFilter {
    /** For organisations that configured no words. */
    TextFilter NONE = (orgId, text) -> text;

    String apply(UUID orgId, String text);
}
