package org.samizdat.distribution.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Binding the control socket's file: in a folder of its owner's only, replacing a file nobody listens on. */
final class SocketFile {

    private SocketFile() {
    }

    /** A channel bound to {@code socket}, or null when another process already listens there. */
    static ServerSocketChannel bind(Path socket) throws IOException {
        privateFolder(socket.toAbsolutePath().getParent());
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            if (answers(socket)) {
                return null;
            }
            Files.delete(socket); // left by a server that did not stop cleanly
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
            if (Files.getFileAttributeView(socket, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null) {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** True when something accepts connections on the socket file. */
    static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Why binding failed, without the path itself (it may name a user or a customer). */
    static String reason(Exception e, Path socket) {
        if (String.valueOf(e.getMessage()).contains("too long")) {
            return "its path is " + socket.toString().getBytes(StandardCharsets.UTF_8).length + " bytes long; UNIX"
                    + " sockets allow about 100, so set samizdat.distribution.control-socket to a shorter one";
        }
        if (e instanceof FileSystemException f) {
            return f.getClass().getSimpleName() + (f.getReason() == null ? "" : ": " + f.getReason());
        }
        return e instanceof UnsupportedOperationException ? "UNIX domain sockets are not supported here"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * Creates the socket's folder readable by its owner only (where the file system has POSIX permissions). A folder
     * that is already there keeps its permissions: it may be shared (a socket configured in {@code /tmp}); the socket
     * file itself is then what only the owner can use.
     */
    private static void privateFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder);
        if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
