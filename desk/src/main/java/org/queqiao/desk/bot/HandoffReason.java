package org.queqiao.desk.bot;

/** Why the bot hands a conversation to an agent; {@link #wire()} is what the desk records and reports. */
public enum HandoffReason {
    /** The visitor asked for a person. */
    REQUESTED("requested"),
    /** The bot fell back (found nothing good) the configured number of times in a row. */
    FALLBACKS("fallbacks"),
    /** The bot found nothing good and the desk is set to hand off at once rather than fall back. */
    LOW_CONFIDENCE("low_confidence"),
    /** The generative assistant was asked and gave no usable answer in time (desk.assistant-*). */
    ASSISTANT_UNAVAILABLE("assistant_unavailable");

    private final String wire;

    HandoffReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
