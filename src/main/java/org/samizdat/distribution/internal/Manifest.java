package org.samizdat.distribution.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.samizdat.shared.web.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The list of a static mirror's files ({@code manifest.json}): each file's SHA-256 and size, when the mirror was
 * generated, by which newsroom and which key signs it. Written byte-for-byte the same for the same contents, and
 * read strictly: a manifest that is cut short or has a path leaving the mirror's folder is refused.
 */
public record Manifest(String newsroom, Instant generatedAt, String keyId, SortedMap<String, Entry> files) {

    public static final String FILE = "manifest.json";
    public static final String SIGNATURE = "manifest.json.sig";
    static final String FORMAT = "samizdat-mirror/1";
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

    public static Manifest parse(byte[] bytes) throws Malformed {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (JacksonException e) {
            throw new Malformed(bytes.length == 0 ? "it is empty" : "it is not complete JSON (truncated?)");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("it is not a JSON object");
        }
        if (!FORMAT.equals(text(root, "format"))) {
            throw new Malformed("its format is not " + FORMAT);
        }
        Instant generated;
        try {
            generated = Instant.parse(text(root, "generated_at"));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new Malformed("generated_at is not a time");
        }
        JsonNode list = root.get("files");
        if (list == null || !list.isObject()) {
            throw new Malformed("it has no files object");
        }
        SortedMap<String, Entry> files = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : list.properties()) {
            String path = field.getKey();
            JsonNode entry = field.getValue();
            if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || path.equals(FILE) || path.equals(SIGNATURE)) {
                throw new Malformed("it lists a path outside the mirror: " + path);
            }
            String sha = text(entry, "sha256");
            JsonNode size = entry.get("size");
            if (sha == null || !HEX.matcher(sha).matches() || size == null || !size.canConvertToLong() || size.asLong() < 0) {
                throw new Malformed("the entry for " + path + " has no valid sha256 and size");
            }
            files.put(path, new Entry(sha, size.asLong()));
        }
        return new Manifest(text(root, "newsroom"), generated, text(root, "key_id"), files);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
