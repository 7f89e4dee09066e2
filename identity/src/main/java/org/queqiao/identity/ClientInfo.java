package org.queqiao.identity;

/** Where a login comes from, recorded on the session and used for throttling. */
public record ClientInfo(String ip, String userAgent, String deviceName) {}
