package org.queqiao.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written OpenAPI 3 document (resources/openapi.json), checked against the real routes by a test. */
public final class OpenApiDocument {
    private static volatile String text;

    private OpenApiDocument() {}

    public static String text() {
        if (text == null) {
            try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.json")) {
                if (in == null) throw new IllegalStateException("openapi.json missing from the classpath");
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text;
    }
}
