package org.queqiao.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.queqiao.http.routes.AccountRoutes;
import org.queqiao.http.routes.ChatRoutes;
import org.queqiao.http.routes.DeskRoutes;
import org.queqiao.http.routes.MeetingRoutes;
import org.queqiao.http.routes.NoticeRoutes;
import org.queqiao.http.routes.DepartmentRoutes;
import org.queqiao.http.routes.InvitationRoutes;
import org.queqiao.http.routes.MemberRoutes;
import org.queqiao.http.routes.OperatorRoutes;
import org.queqiao.http.routes.OrgRoutes;
import org.queqiao.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The HTTP edge: Javalin on Jetty with virtual threads. Handlers stay thin (parse, call a domain
 * service, render); every failure leaves as problem+json.
 */
public final class HttpApi {
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final String WEB_ROOT = "/queqiao-web";
    private static final String START_ATTR = "queqiao.start";

    private final Javalin app;
    private final ApiSettings settings;
    private final OperationsRoutes operations;
    private final RequestRateLimit rateLimit;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private List<ApiRoutes.Route> routes = List.of();
    /** Jetty's server, for the stop timeout of its graceful stop. */
    private volatile org.eclipse.jetty.server.Server jetty;

    public HttpApi(ApiServices services, ApiSettings settings, Operations ops, MeterRegistry metrics, Duration invitationTtl) {
        this.settings = settings;
        this.operations = new OperationsRoutes(ops);
        this.rateLimit = new RequestRateLimit(settings.ratePerAddress(), settings.burstPerAddress());
        Auth auth = new Auth(services.sessions());
        Idempotency idempotency = new Idempotency(services.idempotency(), auth);
        this.app = Javalin.create(config -> {
            configure(config);
            ApiRoutes r = new ApiRoutes(config.routes, idempotency);
            AccountRoutes accounts = new AccountRoutes(services, settings, auth);
            accounts.register(r);
            new MemberRoutes(services, settings, auth).register(r);
            new DepartmentRoutes(services, settings, auth).register(r);
            new InvitationRoutes(services, settings, auth, accounts, invitationTtl).register(r);
            new OrgRoutes(services, settings, auth).register(r);
            new ChatRoutes(services, settings, auth).register(r);
            new NoticeRoutes(services, settings, auth).register(r);
            new MeetingRoutes(services, settings, auth).register(r);
            new DeskRoutes(services, settings, auth).register(r);
            new OperatorRoutes(services, settings, settings.operatorToken()).register(r);
            operations.register(r);
            routes = r.registered();
            config.routes.before(ctx -> before(ctx));
            config.routes.after(ctx -> {
                if (ctx.attribute(START_ATTR) != null) inFlight.decrementAndGet();
                record(ctx, metrics);
            });
            errors(config);
        });
    }

    private void configure(JavalinConfig config) {
        config.concurrency.useVirtualThreads = true;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        // Javalin puts its handlers inside: Jetty's stop then waits for requests in flight to finish writing
        // their responses, which our count (ended in an after-handler, before the body is sent) cannot see
        config.jetty.modifyServer(server -> {
            server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
            jetty = server;
        });
        // Jetty's own cap is the largest body any route takes (CSV import); each route applies its own, smaller limit.
        config.http.maxRequestSize = Math.max(settings.maxBodyBytes(), settings.maxCsvBytes());
        config.http.generateEtags = true;
        config.router.ignoreTrailingSlashes = true;
        config.startup.showJavalinBanner = false;
        if (HttpApi.class.getResource(WEB_ROOT + "/index.html") != null) {
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = WEB_ROOT;
                sf.location = Location.CLASSPATH;
            });
            // deep links of the single-page app get index.html; unknown API paths stay problem+json 404s
            String index = readIndexHtml();
            config.spaRoot.addHandler("/", ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    ProblemResponses.write(ctx, 404, "no_such_route", "No API route " + ctx.method() + " " + ctx.path());
                } else {
                    ctx.html(index);
                }
            });
        } else {
            log.warn("web client not on the classpath (built without the web module); serving the API only");
        }
    }

    private static String readIndexHtml() {
        try (var in = HttpApi.class.getResourceAsStream(WEB_ROOT + "/index.html")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void before(Context ctx) {
        ctx.attribute(START_ATTR, System.nanoTime());
        inFlight.incrementAndGet();
        ctx.header("X-Content-Type-Options", "nosniff");
        if (ctx.path().startsWith("/api/")) rateLimit.check(ctx);
        if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
        long len = ctx.contentLength();
        long limit = bodyLimit(ctx.path());
        if (len > limit && limit == settings.maxFileBytes() && isUpload(ctx.path())) {
            throw new ProblemException(413, "file_too_large", "Files are limited to " + limit / (1024 * 1024) + " MB", "file", java.util.Map.of("limit", limit));
        }
        if (len > limit) throw new ProblemException(413, "body_too_large", "The request body is larger than " + limit + " bytes", null, java.util.Map.of("limit", limit));
    }

    /** Each route takes at most this much; uploads and CSV imports have their own, larger limits. */
    private long bodyLimit(String path) {
        if (path.equals("/api/v1/members/import")) return settings.maxCsvBytes();
        if (isUpload(path)) return settings.maxFileBytes();
        return settings.maxBodyBytes();
    }

    private static boolean isUpload(String path) {
        return path.startsWith("/api/v1/conversations/") && path.endsWith("/files");
    }

    private static void record(Context ctx, MeterRegistry metrics) {
        Long start = ctx.attribute(START_ATTR);
        if (start == null) return;
        var matched = ctx.endpoints().matchedHttpEndpoint();
        // the route template, never the raw path: ids in paths would make unbounded label values
        String route = matched == null ? "unmatched" : matched.path;
        Timer.builder("http.server.requests").tag("method", ctx.method().name()).tag("route", route)
                .tag("status", String.valueOf(ctx.statusCode())).publishPercentileHistogram(false)
                .register(metrics).record(Duration.ofNanos(System.nanoTime() - start));
    }

    private static void errors(JavalinConfig config) {
        config.routes.exception(ProblemException.class, (e, ctx) -> ProblemResponses.write(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> ProblemResponses.write(ctx, e.getStatus(), switch (e.getStatus()) {
            case 404 -> "no_such_route";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            default -> "http_" + e.getStatus();
        }, e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            String incident = UUID.randomUUID().toString();
            log.error("unhandled error in {} {} (incident {})", ctx.method(), ctx.path(), incident, e);
            ProblemResponses.write(ctx, new ProblemException(500, "internal_error",
                    "Something went wrong on our side; if it persists, give the operator incident " + incident, null,
                    java.util.Map.of("incident", incident)));
        });
        config.routes.error(404, "*", ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) ProblemResponses.write(ctx, 404, "no_such_route", "No API route " + ctx.method() + " " + ctx.path());
        });
        config.routes.error(405, "*", ctx -> ProblemResponses.write(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
    }

    public HttpApi start() {
        app.start();
        return this;
    }

    /** Requests whose handling has begun and not ended (what a graceful stop waits for). */
    public int requestsInFlight() {
        return inFlight.get();
    }

    public int port() {
        return app.port();
    }

    public List<ApiRoutes.Route> routes() {
        return routes;
    }

    /**
     * Graceful stop: readiness turns to "draining" (load balancers stop sending work), requests in
     * flight get up to {@code drain} to finish, then Jetty stops, still letting responses in flight
     * finish within what is left of {@code drain} (at least a second).
     */
    public void stop(Duration drain) {
        operations.startDraining();
        long deadline = System.nanoTime() + drain.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) log.warn("stopping with {} request(s) still running after {}", inFlight.get(), drain);
        if (jetty != null) jetty.setStopTimeout(Math.max(1000, (deadline - System.nanoTime()) / 1_000_000));
        app.stop();
    }
}
