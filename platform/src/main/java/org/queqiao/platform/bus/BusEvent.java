package org.queqiao.platform.bus;

/** One notification: its topic, a JSON payload, and the node that published it. */
public record BusEvent(String topic, String payload, String originNode) {}
