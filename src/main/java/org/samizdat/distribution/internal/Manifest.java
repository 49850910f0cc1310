package org.samizdat.distribution.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.samizdat.shared.web.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The list of a static mirror's files ({@code manifest.json}): each file's SHA-256 and size, when the mirror was
 * generated, by which newsroom and which key signs it. Written byte-for-byte the same for the same contents, and
 * read strictly: a manifest that is cut short or has a path leaving the mirror's folder is refused.
 */
public record Manifest(String newsroom, Instant generatedAt, String keyId, SortedMap<String, Entry> files) {

    public static final String FILE = "manifest.json";
    public static final String SIGNATURE = "manifest.json.sig";
    static final String FORMAT = "samizdat-mirror/1";
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

    /** One file: its SHA-256 (hex) and size in bytes. */
    public record Entry(String sha256, long size) {
    }

    /** Why a manifest could not be read; the message says what is wrong in words. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    public byte[] bytes() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("newsroom", newsroom);
        json.put("generated_at", generatedAt.toString());
        json.put("key_id", keyId);
        Map<String, Object> list = new LinkedHashMap<>();
        files.forEach((path, e) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sha256", e.sha256());
            entry.put("size", e.size());
            list.put(path, entry);
        });
        json.put("files", list);
        return (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a manifest strictly. It streams through the JSON rather than building a tree: an incremental export
     * reads the previous manifest (one entry per file of the mirror) before anything else.
     */
    public static Manifest parse(byte[] bytes) throws Malformed {
        Map<String, String> header = new HashMap<>();
        Map<String, Object[]> list = null;
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed(bytes.length == 0 ? "it is empty" : "it is not a JSON object");
            }
            for (String name = json.nextName(); name != null; name = json.nextName()) {
                JsonToken value = json.nextToken();
                if (name.equals("files") && value == JsonToken.START_OBJECT) {
                    list = entries(json);
                } else if (value == JsonToken.VALUE_STRING) {
                    header.put(name, json.getString());
                } else {
                    header.remove(name);
                    json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                throw new Malformed("it is not complete JSON (truncated?)");
            }
        } catch (JacksonException e) {
            throw new Malformed(bytes.length == 0 ? "it is empty" : "it is not complete JSON (truncated?)");
        }
        if (!FORMAT.equals(header.get("format"))) {
            throw new Malformed("its format is not " + FORMAT);
        }
        Instant generated;
        try {
            generated = Instant.parse(header.get("generated_at"));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new Malformed("generated_at is not a time");
        }
        if (list == null) {
            throw new Malformed("it has no files object");
        }
        SortedMap<String, Entry> files = new TreeMap<>();
        for (Map.Entry<String, Object[]> field : list.entrySet()) {
            String path = field.getKey();
            if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || path.equals(FILE) || path.equals(SIGNATURE)) {
                throw new Malformed("it lists a path outside the mirror: " + path);
            }
            String sha = (String) field.getValue()[0];
            Long size = (Long) field.getValue()[1];
            if (sha == null || !HEX.matcher(sha).matches() || size == null || size < 0) {
                throw new Malformed("the entry for " + path + " has no valid sha256 and size");
            }
            files.put(path, new Entry(sha, size));
        }
        return new Manifest(header.get("newsroom"), generated, header.get("key_id"), files);
    }

    /** The files object's entries as read, in order: each path's sha256 (or null) and size (or null). */
    private static Map<String, Object[]> entries(JsonParser json) {
        Map<String, Object[]> entries = new LinkedHashMap<>();
        for (String path = json.nextName(); path != null; path = json.nextName()) {
            Object[] entry = new Object[2];
            if (json.nextToken() == JsonToken.START_OBJECT) {
                for (String name = json.nextName(); name != null; name = json.nextName()) {
                    JsonToken value = json.nextToken();
                    if (name.equals("sha256")) {
                        entry[0] = value == JsonToken.VALUE_STRING ? json.getString() : null;
                    } else if (name.equals("size")) {
                        entry[1] = value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                ? json.getLongValue() : null;
                    }
                    json.skipChildren();
                }
            } else {
                json.skipChildren();
            }
            entries.put(path, entry);
        }
        return entries;
    }
}
