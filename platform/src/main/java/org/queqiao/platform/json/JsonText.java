package org.queqiao.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;

/**
 * A value that already knows its JSON text. {@link Json#write} returns that text as it is, and inside
 * other values Jackson writes it raw: a chat message is serialised once, on the writer's thread, for
 * its push to every device and for its sender's answer (it used to be serialised for each).
 */
public interface JsonText extends JsonSerializable {

    /** Valid JSON, one value. */
    String json();

    @Override
    default void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeRawValue(json());
    }

    @Override
    default void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer) throws IOException {
        serialize(gen, serializers);
    }

    /** The JSON of {@code value}, written now. */
    static JsonText of(Object value) {
        String json = Json.write(value);
        return () -> json;
    }
}
