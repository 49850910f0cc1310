package org.samizdat.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void cannotCloseTheScriptElement() {
        String json = Json.write(Map.of("headline", "</script><script>alert(1)</script>"));
        assertThat(json).doesNotContain("<", ">").contains("\\u003c/script\\u003e");
    }

    @Test
    void writesNestedValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", List.of(1, true, "x\"y"));
        map.put("b", null);
        assertThat(Json.write(map)).isEqualTo("{\"a\":[1,true,\"x\\\"y\"],\"b\":null}");
    }

    @Test
    void writesUnorderedMapsWithSortedKeysSoEveryRunGivesTheSameBytes() {
        assertThat(Json.write(Map.of("url", "/u", "name", "N", "@type", "Person", "b", Map.of("z", 1, "a", 2))))
                .isEqualTo("{\"@type\":\"Person\",\"b\":{\"a\":2,\"z\":1},\"name\":\"N\",\"url\":\"/u\"}");
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("z", 1);
        ordered.put("a", 2);
        assertThat(Json.write(ordered)).as("an ordered map keeps its order").isEqualTo("{\"z\":1,\"a\":2}");
    }
}
