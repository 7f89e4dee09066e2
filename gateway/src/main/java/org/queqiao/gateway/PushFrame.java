package org.queqiao.gateway;

/**
 * One push as sent to one session. {@code dataJson} is serialised once per published push and
 * shared by every session it fans out to; only the small envelope differs per session.
 */
record PushFrame(long seq, String topic, String dataJson) {

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
