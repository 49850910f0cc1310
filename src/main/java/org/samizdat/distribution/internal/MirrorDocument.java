package org.samizdat.distribution.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Json;
import org.samizdat.shared.web.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The signed mirror list ({@code /mirrors.json}): the live entries, when the list was issued (its last change,
 * so the bytes and their signature stay the same between requests) and the newsroom's names. Its detached
 * Ed25519 signature is base64 in {@code /mirrors.json.sig}; the public key is {@code /mirrors-key.txt}.
 */
@Component
public class MirrorDocument {

    private final MirrorList mirrors;
    private final SigningKey key;
    private final SiteProperties site;
    private volatile Signed signed;

    MirrorDocument(MirrorList mirrors, SigningKey key, SiteProperties site) {
        this.mirrors = mirrors;
        this.key = key;
        this.site = site;
    }

    /** The document's bytes and their signature, made once per version of the list. */
    public record Signed(MirrorList.Snapshot from, byte[] json, String signature) {
    }

    public Signed current() {
        MirrorList.Snapshot snapshot = mirrors.snapshot();
        Signed last = signed;
        if (last != null && last.from().live().equals(snapshot.live()) && last.from().issuedAt().equals(snapshot.issuedAt())) {
            return last;
        }
        byte[] json = json(snapshot);
        Signed fresh = new Signed(snapshot, json, key.signBase64(json));
        signed = fresh;
        return fresh;
    }

    private byte[] json(MirrorList.Snapshot snapshot) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("newsroom", site.name(Language.EN));
        document.put("newsroom_ru", site.name(Language.RU));
        document.put("issued_at", snapshot.issuedAt().toString());
        document.put("key_id", key.id());
        List<Map<String, Object>> entries = snapshot.live().stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", e.kind());
            entry.put("address", e.address());
            entry.put("label", e.label());
            return entry;
        }).toList();
        document.put("mirrors", entries);
        return (Json.write(document) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
