package org.queqiao.http;

import java.util.List;
import java.util.function.Supplier;

/** What the operations endpoints report: readiness checks and the Prometheus scrape. */
public record Operations(List<HealthCheck> checks, Supplier<String> prometheusScrape) {}
