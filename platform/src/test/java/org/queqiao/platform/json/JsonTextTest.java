package org.queqiao.platform.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    record Message(String text, List<Integer> reactions) {}

    @Test
    void isWrittenAsItIsAloneAndInsideOtherValues() {
        JsonText text = JsonText.of(new Message("你好 \"quoted\"", List.of(1, 2)));
        assertThat(text.json()).isEqualTo("{\"text\":\"你好 \\\"quoted\\\"\",\"reactions\":[1,2]}");
        assertThat(Json.write(text)).isSameAs(text.json());
        assertThat(Json.write(Map.of("entry", text))).isEqualTo("{\"entry\":" + text.json() + "}");
        assertThat(Json.write(List.of(text, text))).isEqualTo("[" + text.json() + "," + text.json() + "]");
    }

    @Test
    void readsBackAsTheValueItWasMadeFrom() {
        Message m = new Message("line\nbreak", List.of());
        assertThat(Json.read(Json.write(Map.of("m", JsonText.of(m))), Map.class)).isEqualTo(Map.of("m", Map.of("text", "line\nbreak", "reactions", List.of())));
    }
}
