package org.samizdat.distribution.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The newsroom's Ed25519 key that signs the mirror list and static mirror manifests. Given by configuration
 * ({@code samizdat.distribution.signing-key}, PKCS#8 PEM or its base64), or read from a key file, created on
 * first start and readable by its owner only. Never stored in the database, never logged.
 */
@Component
public class SigningKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    SigningKey(@Value("${samizdat.distribution.signing-key:}") String configured,
            @Value("${samizdat.distribution.signing-key-file:}") String keyFile,
            @Value("${samizdat.data-dir:./data}") String dataDir) {
        this.privateKey = configured.isBlank()
                ? fromFile(keyFile.isBlank() ? Path.of(dataDir, "keys", "mirror-signing.key") : Path.of(keyFile))
                : Ed25519Keys.privateKey(configured.strip().startsWith("-----") ? configured
                        : "-----BEGIN PRIVATE KEY-----\n" + configured.strip() + "\n-----END PRIVATE KEY-----");
        this.publicKey = Ed25519Keys.publicKeyOf(privateKey);
    }

    public byte[] sign(byte[] data) {
        return Ed25519Keys.sign(privateKey, data);
    }

    /** The signature of {@code data} as one line of base64, the form the {@code .sig} files hold. */
    public String signBase64(byte[] data) {
        return Base64.getEncoder().encodeToString(sign(data)) + "\n";
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyPem() {
        return Ed25519Keys.pem(publicKey);
    }

    public String id() {
        return Ed25519Keys.id(publicKey);
    }

    private static PrivateKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
                String pem = Ed25519Keys.pem(generator.generateKeyPair().getPrivate());
                create(file);
                Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            }
            return Ed25519Keys.privateKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read or create the mirror signing key file " + file, e);
        }
    }

    /** Creates the empty file readable by its owner only before any key byte is written to it. */
    private static void create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the operator protects the file
        }
    }
}
