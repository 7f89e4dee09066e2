package org.queqiao.platform.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.platform.auth.Principal;

/**
 * Serves one operation a client asks for over its realtime connection (a {@code req} frame with an
 * {@code op}, see docs/realtime-protocol.md). Runs on a virtual thread and may block on the
 * database. A connection's requests run one after another, in the order they arrived, so a client
 * that pipelines two sends gets them stored in that order.
 *
 * <p>Failures a client can act on are thrown as {@link org.queqiao.platform.problem.ProblemException}
 * and reach it as an error response with the same stable code as over HTTP.
 */
@FunctionalInterface
public interface RequestHandler {
    /** @return the response data, serialised as JSON (null for none) */
    Object handle(Principal caller, JsonNode data);
}
