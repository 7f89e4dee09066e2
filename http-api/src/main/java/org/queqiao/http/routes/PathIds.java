package org.queqiao.http.routes;

import io.javalin.http.Context;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;

import java.util.UUID;

/** Path ids: a malformed id names nothing, so it is a 404 like any id of another organisation. */
final class PathIds {
    private PathIds() {}

    static UUID id(Context ctx, String what) {
        UUID id = Ids.parseOrNull(ctx.pathParam("id"));
        if (id == null) throw ProblemException.notFound(what);
        return id;
    }
}
