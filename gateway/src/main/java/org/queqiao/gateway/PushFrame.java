package org.queqiao.gateway;

/**
 * One push as sent to one session. {@code dataJson} is serialised once per published push and
 * shared by every session it fans out to; only the small envelope differs per session.
 */
record PushFrame(long seq, String topic, String dataJson) {

    /**
     * An upper bound of the memory this push holds: its strings as UTF-16 (two bytes a character; compact
     * Latin-1 strings take half) plus the objects' headers. Counted in full for each session, though a
     * group's sessions share one data string.
     */
    long heapBytes() {
        return 64 + 2L * ((long) topic.length() + dataJson.length());
    }

    /** Topics follow {@code Topics.requireValid} (lowercase letters, digits, . _ -), so they need no escaping. */
    String json() {
        return new StringBuilder(40 + topic.length() + dataJson.length())
                .append("{\"t\":\"push\",\"seq\":").append(seq)
                .append(",\"topic\":\"").append(topic)
                .append("\",\"data\":").append(dataJson)
                .append('}')
                .toString();
    }
}
