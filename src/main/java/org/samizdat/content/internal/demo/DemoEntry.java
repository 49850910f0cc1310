package org.samizdat.content.internal.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One block of a demo file: a key, header fields and a Markdown body. */
record DemoEntry(String key, Map<String, String> fields, String body) {

    String get(String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalStateException("Demo entry " + key + " has no " + name);
        }
        return value;
    }

    String get(String name, String fallback) {
        return fields.getOrDefault(name, fallback);
    }

    List<String> list(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    boolean flag(String name) {
        return "yes".equalsIgnoreCase(fields.get(name)) || "true".equalsIgnoreCase(fields.get(name));
    }
}
