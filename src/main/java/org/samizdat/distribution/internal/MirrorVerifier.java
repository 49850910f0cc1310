package org.samizdat.distribution.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.samizdat.shared.Sha256;

/**
 * Checks a copy of a static mirror: the manifest's signature against the newsroom's public key first, then
 * every file against the manifest. Each problem is one line naming the file; nothing here needs the application.
 */
public final class MirrorVerifier {

    private MirrorVerifier() {
    }

    /** The outcome: lines to print, and whether the copy is intact. */
    public record Report(boolean intact, List<String> lines) {

        static Report failed(String reason) {
            return new Report(false, List.of("FAILED: " + reason));
        }
    }

    /** Verifies {@code dir} against {@code key}, or against the copy's own {@code mirrors-key.txt} when null. */
    public static Report verify(Path dir, PublicKey key) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Report.failed("no such folder: " + dir);
        }
        Path manifestFile = dir.resolve(Manifest.FILE);
        Path signatureFile = dir.resolve(Manifest.SIGNATURE);
        if (!Files.isRegularFile(manifestFile)) {
            return Report.failed(Manifest.FILE + " is missing");
        }
        if (!Files.isRegularFile(signatureFile)) {
            return Report.failed(Manifest.SIGNATURE + " is missing, so the copy cannot be verified");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(Files.readString(signatureFile, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            signature = new byte[0];
        }
        if (signature.length != 64) {
            return Report.failed(Manifest.SIGNATURE + " is not a base64 Ed25519 signature");
        }
        byte[] bytes = Files.readAllBytes(manifestFile);
        Manifest manifest;
        try {
            manifest = Manifest.parse(bytes);
        } catch (Manifest.Malformed e) {
            return Report.failed(Manifest.FILE + " is truncated or malformed: " + e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        if (key == null) {
            Path own = dir.resolve("mirrors-key.txt");
            if (!Files.isRegularFile(own)) {
                return Report.failed("no key: pass --key FILE or --key-base64 KEY with the newsroom's public key");
            }
            try {
                key = Ed25519Keys.publicKey(Files.readString(own, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                return Report.failed("mirrors-key.txt in the copy is not an Ed25519 public key");
            }
            lines.add("note: checked against mirrors-key.txt inside the copy; pass --key with the key the newsroom"
                    + " publishes to rule out a forged copy");
        }
        String given = Ed25519Keys.id(key);
        if (manifest.keyId() != null && !manifest.keyId().equals(given)) {
            return Report.failed("wrong key: the manifest was signed with key " + manifest.keyId()
                    + ", the key given is " + given);
        }
        if (!Ed25519Keys.verify(key, bytes, signature)) {
            return Report.failed(Manifest.FILE + " does not match its signature: it was altered after signing");
        }
        Set<String> present = files(dir);
        int problems = 0;
        for (var entry : manifest.files().entrySet()) {
            Path file = dir.resolve(entry.getKey());
            if (!present.remove(entry.getKey())) {
                lines.add("MISSING: " + entry.getKey());
                problems++;
            } else if (Files.size(file) != entry.getValue().size()
                    || !Sha256.hex(Files.readAllBytes(file)).equals(entry.getValue().sha256())) {
                lines.add("ALTERED: " + entry.getKey());
                problems++;
            }
        }
        for (String extra : present) {
            lines.add("UNEXPECTED: " + extra);
            problems++;
        }
        if (problems > 0) {
            lines.add("FAILED: " + problems + " of " + manifest.files().size() + " files do not match the manifest");
            return new Report(false, lines);
        }
        lines.add("OK: " + manifest.files().size() + " files match the manifest signed with key " + given
                + " (generated " + manifest.generatedAt() + ")");
        return new Report(true, lines);
    }

    private static Set<String> files(Path dir) throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                if (!relative.equals(Manifest.FILE) && !relative.equals(Manifest.SIGNATURE)) {
                    files.add(relative);
                }
            });
        }
        return files;
    }
}
