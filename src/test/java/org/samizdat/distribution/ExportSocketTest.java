package org.samizdat.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.distribution.internal.ExportJob;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code export-mirror} while the application runs: the command hands the export to the running server over the
 * control socket in the data folder (no second application, a warm JVM), the socket refuses what is not a request
 * and keeps serving, and a second export while one runs is refused as busy.
 */
@AppTest
@TestPropertySource(properties = {"samizdat.demo-content=true", "samizdat.distribution.export-threads=3"})
class ExportSocketTest {

    @Autowired
    Environment env;

    @Autowired
    ExportJob job;

    @TempDir
    Path temp;

    Path socket() {
        return Path.of(env.getProperty("samizdat.distribution.control-socket"));
    }

    /** The command as cron would run it, pointed at the server's data folder; it has no application to start. */
    String command(Path out) {
        return MirrorExportTest.run("export-mirror", "--out", out.toString(),
                "--samizdat.data-dir=" + env.getProperty("samizdat.data-dir"));
    }

    @Test
    void theCommandExportsThroughTheRunningServer() throws Exception {
        assertThat(socket()).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket().getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket(),
                java.nio.file.LinkOption.NOFOLLOW_LINKS))).isEqualTo("rw-------");
        Path dir = temp.resolve("mirror");
        String first = command(dir);
        assertThat(first).startsWith("0 The running server made this export")
                .contains("Exported ", "to " + dir + " in ", " (full)");
        assertThat(dir.resolve("en/reach/index.html")).exists();
        assertThat(MirrorExportTest.verify(dir)).contains("OK: ");
        assertThat(job.state().result()).isNotNull(); // the newsroom's page shows it as the last export

        String again = command(dir);
        assertThat(again).startsWith("0 The running server made this export").contains(" (incremental)");
        assertThat(MirrorExportTest.verify(dir)).contains("OK: ");
    }

    @Test
    void whatIsNotARequestIsRefusedAndTheSocketKeepsServing() throws Exception {
        try (SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            // a client that says nothing holds no one else up
            assertThat(ask("hello\n")).startsWith("FAILED unknown request");
            assertThat(ask("\n")).startsWith("FAILED unknown request");
            assertThat(ask("export full relative/mirror\n")).isEqualTo("FAILED the folder must be an absolute path");
            assertThat(ask("export sideways " + temp + "\n")).startsWith("FAILED the kind of export must be");
            assertThat(ask("export full /tmp/a\0b\n")).isEqualTo("FAILED the folder is not a valid path");
            assertThat(ask("export full /" + "x".repeat(5000) + "\n")).isEqualTo("FAILED the request is longer than 4096 bytes");
            assertThat(ask(new byte[] {'e', 'x', (byte) 0xff, (byte) 0xfe, '\n'})).isEqualTo("FAILED the request is not UTF-8");
            String reply = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> readLine(silent));
            assertThat(reply).startsWith("FAILED no request within 10 s");
        }
        Path dir = temp.resolve("raw");
        assertThat(ask("export incremental " + dir + "\n")).startsWith("OK files=").contains("incremental=false");
        assertThat(MirrorExportTest.verify(dir)).contains("OK: ");
    }

    /**
     * A real export, held while it reads the previous copy's manifest — a named pipe nobody writes to yet — keeps
     * the job running: the command is told the server is busy and the newsroom's button cannot start another.
     */
    @Test
    void aSecondExportWhileOneRunsIsBusy() throws Exception {
        Path held = Files.createDirectories(temp.resolve("held"));
        Path pipe = held.resolve("manifest.json");
        assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo is needed");
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> ask("export incremental " + held + "\n"));
        for (int i = 0; i < 300 && !job.state().running(); i++) {
            Thread.sleep(100);
        }
        assertThat(job.state().running()).isTrue();

        assertThat(command(temp.resolve("other"))).startsWith("1 BUSY: an export is already running");
        assertThat(temp.resolve("other")).doesNotExist();
        assertThat(job.start(false)).isFalse();

        try (OutputStream nothing = Files.newOutputStream(pipe)) {
            // opened once the export reads the pipe; closed empty, so it finds no previous copy and goes on
        }
        CompletableFuture<byte[]> manifest = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(pipe)) { // the export writes its manifest into the pipe at the end
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(first.get(5, TimeUnit.MINUTES)).startsWith("OK files=").contains("incremental=false");
        assertThat(new String(manifest.get(1, TimeUnit.MINUTES), StandardCharsets.UTF_8)).contains("samizdat-mirror/1");
        assertThat(job.state().running()).isFalse();
    }

    String ask(String request) {
        return ask(request.getBytes(StandardCharsets.UTF_8));
    }

    String ask(byte[] request) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            ByteBuffer bytes = ByteBuffer.wrap(request);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return readLine(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readLine(SocketChannel channel) throws IOException {
        return new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))
                .readLine();
    }
}
