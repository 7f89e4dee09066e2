package org.queqiao.messaging;

/** The stored entry; {@code duplicate} when this was a resend of a message already stored. */
public record SendResult(Entry entry, boolean duplicate) {}
