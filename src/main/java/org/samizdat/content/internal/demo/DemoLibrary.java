package org.samizdat.content.internal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The made-up newsroom kept in {@code src/main/resources/demo}: sections, authors and stories in both
 * languages. Each file is a list of blocks: a {@code === key} line, {@code name: value} lines, a blank
 * line, then the Markdown body.
 */
record DemoLibrary(List<DemoEntry> sections, List<DemoEntry> authors, List<DemoEntry> english, List<DemoEntry> russian) {

    static DemoLibrary load() {
        return new DemoLibrary(parse(read("demo/sections.md")), parse(read("demo/authors.md")),
                parse(read("demo/stories-en.md")), parse(read("demo/stories-ru.md")));
    }

    static List<DemoEntry> parse(String text) {
        List<DemoEntry> entries = new ArrayList<>();
        String key = null;
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        boolean inHeader = false;
        for (String line : text.split("\r?\n", -1)) {
            if (line.startsWith("=== ")) {
                if (key != null) {
                    entries.add(new DemoEntry(key, Map.copyOf(fields), body.toString().strip()));
                }
                key = line.substring(4).strip();
                fields = new LinkedHashMap<>();
                body = new StringBuilder();
                inHeader = true;
            } else if (key == null) {
                continue;
            } else if (inHeader && line.isBlank()) {
                inHeader = false;
            } else if (inHeader) {
                int colon = line.indexOf(':');
                if (colon < 1) {
                    throw new IllegalStateException("Bad demo header line in " + key + ": " + line);
                }
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            } else {
                body.append(line).append('\n');
            }
        }
        if (key != null) {
            entries.add(new DemoEntry(key, Map.copyOf(fields), body.toString().strip()));
        }
        return entries;
    }

    private static String read(String resource) {
        try (InputStream in = DemoLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
