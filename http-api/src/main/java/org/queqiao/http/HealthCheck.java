package org.queqiao.http;

/** One readiness check (the database, the bus...), reported at /health. */
public interface HealthCheck {
    String name();

    boolean isUp();
}
