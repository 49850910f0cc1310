package org.samizdat.content.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where photo files live ({@code media/<first two hex digits>/<sha256>[-variant].<ext>} under the data
 * directory) and how they are written: to a temporary file in the same directory, flushed, then moved
 * into place atomically, so a reader or a crash never sees half a file.
 */
final class MediaFiles {

    static final String TEMP_SUFFIX = ".part";

    private final Path root;

    MediaFiles(Path dataDir) {
        this.root = dataDir.resolve("media").toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path original(String sha256, MediaFormat format) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256 + "." + format.extension());
    }

    Path variant(String sha256, String variant) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256 + "-" + variant + ".jpg");
    }

    static void writeAtomically(Path target, byte[] data) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
