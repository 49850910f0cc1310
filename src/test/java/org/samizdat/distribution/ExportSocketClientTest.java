package org.samizdat.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.distribution.internal.ExportClient;

/**
 * {@code export-mirror}'s side of the control socket, without an application: where it looks for the socket, what
 * it makes of a socket file nobody listens on (a server killed without stopping) and of each kind of answer.
 */
class ExportSocketClientTest {

    @TempDir
    Path temp;

    @Test
    void theSocketIsFoundWhereTheServersConfigurationPutsIt() {
        assertThat(ExportClient.socket(List.of(), Map.of())).isEqualTo(Path.of("data/run/export.sock"));
        assertThat(ExportClient.socket(List.of(), Map.of("SAMIZDAT_DATA_DIR", "/srv/samizdat/")))
                .isEqualTo(Path.of("/srv/samizdat/run/export.sock"));
        assertThat(ExportClient.socket(List.of("--samizdat.data-dir=/var/lib/s"), Map.of("SAMIZDAT_DATA_DIR", "/srv/x")))
                .isEqualTo(Path.of("/var/lib/s/run/export.sock"));
        assertThat(ExportClient.socket(List.of("--samizdat.data-dir=/var/lib/s"),
                Map.of("SAMIZDAT_CONTROL_SOCKET", "/run/samizdat.sock"))).isEqualTo(Path.of("/run/samizdat.sock"));
        assertThat(ExportClient.socket(List.of("--samizdat.distribution.control-socket=/tmp/s.sock"),
                Map.of("SAMIZDAT_CONTROL_SOCKET", "/run/samizdat.sock"))).isEqualTo(Path.of("/tmp/s.sock"));
        assertThat(ExportClient.socket(List.of("--samizdat.distribution.control-socket="), Map.of())).isNull();
    }

    @Test
    void aSocketFileNobodyListensOnMeansNoRunningServer() throws Exception {
        Path socket = temp.resolve("export.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        ExportClient.Answer answer = ExportClient.ask(socket, false, temp.resolve("mirror"));
        assertThat(answer).isInstanceOf(ExportClient.NoServer.class);
        assertThat(((ExportClient.NoServer) answer).reason()).startsWith("no running server");
        assertThat(ExportClient.ask(temp.resolve("none.sock"), false, temp.resolve("mirror")))
                .isInstanceOf(ExportClient.NoServer.class);
    }

    @Test
    void eachAnswerOfTheServerBecomesTheCommandsOutputAndStatus() throws Exception {
        Path socket = temp.resolve("server.sock");
        Path mirror = temp.resolve("mirror");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            String option = "--samizdat.distribution.control-socket=" + socket;

            CompletableFuture<String> request = answerOnce(server, "OK files=12 bytes=3456 millis=789 written=2"
                    + " unchanged=10 deleted=1 fetched=5 incremental=true");
            assertThat(MirrorExportTest.run("export-mirror", "--out", mirror.toString(), option)).isEqualTo(
                    "0 The running server made this export (through its control socket).\nExported 12 files (3456 bytes)"
                    + " to " + mirror + " in 789 ms: 2 written, 10 unchanged, 1 deleted, 5 pages read (incremental)\n");
            assertThat(request.get(1, TimeUnit.MINUTES)).isEqualTo("export incremental " + mirror);

            request = answerOnce(server, "BUSY an export is already running");
            assertThat(MirrorExportTest.run("export-mirror", "--full", "--out", mirror.toString(), option))
                    .isEqualTo("1 BUSY: an export is already running\n");
            assertThat(request.get(1, TimeUnit.MINUTES)).isEqualTo("export full " + mirror);

            answerOnce(server, "FAILED the folder must be an absolute path");
            assertThat(MirrorExportTest.run("export-mirror", "--out", mirror.toString(), option))
                    .isEqualTo("1 FAILED: the folder must be an absolute path\n");
        }
        assertThat(MirrorExportTest.run("export-mirror", "--out", mirror.toString(), "stray")).startsWith("2 usage:");
        assertThat(MirrorExportTest.run("export-mirror", "--full")).startsWith("2 usage:");
    }

    /** Accepts one connection, replies with {@code reply} and completes with the request line it read. */
    static CompletableFuture<String> answerOnce(ServerSocketChannel server, String reply) {
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel client = server.accept()) {
                String line = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                        StandardCharsets.UTF_8)).readLine();
                client.write(ByteBuffer.wrap((reply + "\n").getBytes(StandardCharsets.UTF_8)));
                return line;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
