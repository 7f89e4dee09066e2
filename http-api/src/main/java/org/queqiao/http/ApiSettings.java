package org.queqiao.http;

import org.queqiao.platform.config.Config;

/** HTTP settings read from the configuration once at start-up ({@code operatorToken} is a secret: masked in {@link #toString()}). */
public record ApiSettings(String host, int port, long maxBodyBytes, long maxCsvBytes, String publicUrl, String gatewayPublicUrl,
                          int gatewayPort, String version, int ratePerAddress, int burstPerAddress, String operatorToken,
                          long maxFileBytes) {
    public static ApiSettings from(Config c, int gatewayPort, String version) {
        return new ApiSettings(c.string("http.host"), c.integer("http.port"), c.longValue("http.max-body-bytes"),
                c.longValue("import.max-csv-bytes"), c.optional("http.public-url"), c.optional("gateway.public-url"), gatewayPort, version,
                c.integer("http.rate-per-address"), c.integer("http.burst-per-address"), c.optional("operator.token"),
                c.longValue("chat.max-file-bytes"));
    }

    @Override
    public String toString() {
        return "ApiSettings[" + host + ":" + port + ", operatorToken=" + (operatorToken == null ? "off" : "******") + "]";
    }
}
