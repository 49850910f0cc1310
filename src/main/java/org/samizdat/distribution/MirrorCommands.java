package org.samizdat.distribution;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.samizdat.distribution.internal.Ed25519Keys;
import org.samizdat.distribution.internal.ExportClient;
import org.samizdat.distribution.internal.MirrorExport;
import org.samizdat.distribution.internal.MirrorVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jar's command-line modes: {@code export-mirror --out DIR [--full] [--standalone]} asks the server running on
 * the same data folder to write the static mirror, through its control socket, or — when none answers, or with
 * {@code --standalone} — starts the application on a random loopback port (without the page cache: every page is
 * read once), writes the mirror and exits; {@code verify-mirror DIR [--key FILE | --key-base64 KEY]} checks a copy
 * without starting anything. Exit status 0 on success, 1 when an export or a check fails (or an export is already
 * running in the server), 2 on a usage error.
 */
public final class MirrorCommands {

    private static final String SOCKET_OPTION = "--samizdat.distribution.control-socket=";

    private MirrorCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("export-mirror") || args[0].equals("verify-mirror"));
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        try {
            return args[0].equals("export-mirror") ? export(application, args, out) : verify(args, out);
        } catch (IOException | RuntimeException e) {
            out.println("FAILED: " + e.getMessage());
            return 1;
        }
    }

    static int verify(String[] args, PrintStream out) throws IOException {
        Path dir = null;
        PublicKey key = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--key") || arg.equals("--key-base64")) && i + 1 < args.length) {
                String value = args[++i];
                try {
                    key = Ed25519Keys.publicKey(arg.equals("--key")
                            ? Files.readString(Path.of(value), StandardCharsets.US_ASCII) : value);
                } catch (IllegalArgumentException e) {
                    out.println("FAILED: the key given is not an Ed25519 public key (PEM, or base64 of it)");
                    return 2;
                }
            } else if (!arg.startsWith("--") && dir == null) {
                dir = Path.of(arg);
            } else {
                return usage(out);
            }
        }
        if (dir == null) {
            return usage(out);
        }
        MirrorVerifier.Report report = MirrorVerifier.verify(dir, key);
        report.lines().forEach(out::println);
        return report.intact() ? 0 : 1;
    }

    private static int export(Class<?> application, String[] args, PrintStream out) throws IOException {
        Path dir = null;
        boolean full = false;
        boolean standalone = false;
        List<String> options = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                dir = Path.of(args[++i]).toAbsolutePath().normalize();
            } else if (args[i].equals("--full")) {
                full = true;
            } else if (args[i].equals("--standalone")) {
                standalone = true;
            } else if (args[i].startsWith("--") && !args[i].equals("--out")) {
                options.add(args[i]);
            } else {
                return usage(out);
            }
        }
        if (dir == null) {
            return usage(out);
        }
        Path socket = standalone ? null : ExportClient.socket(options, System.getenv());
        if (socket != null) {
            ExportClient.Answer answer = ExportClient.ask(socket, full, dir);
            if (answer instanceof ExportClient.Done done) {
                out.println("The running server made this export (through its control socket).");
                print(done.result(), dir, out);
                return 0;
            } else if (answer instanceof ExportClient.Busy busy) {
                out.println("BUSY: " + busy.reason());
                return 1;
            } else if (answer instanceof ExportClient.Failed failed) {
                out.println("FAILED: " + failed.reason());
                return 1;
            }
            out.println(((ExportClient.NoServer) answer).reason() + "; starting the application for this export");
        }
        return standalone(application, options, dir, full, out);
    }

    /** Starts the application on a random loopback port, without its page cache and control socket, and exports. */
    private static int standalone(Class<?> application, List<String> options, Path dir, boolean full, PrintStream out)
            throws IOException {
        List<String> spring = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off", "--samizdat.cache.enabled=false"));
        options.stream().filter(o -> !o.startsWith(SOCKET_OPTION)).forEach(spring::add);
        spring.add(SOCKET_OPTION); // no socket of its own: a server running beside it (PostgreSQL) keeps its socket
        try (ConfigurableApplicationContext context = SpringApplication.run(application, spring.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            print(context.getBean(MirrorExport.class).export("http://127.0.0.1:" + port, dir, full, null), dir, out);
            return 0;
        }
    }

    private static void print(MirrorExport.Result result, Path dir, PrintStream out) {
        out.printf("Exported %d files (%d bytes) to %s in %d ms: %d written, %d unchanged, %d deleted, %d pages read%s%n",
                result.files(), result.bytes(), dir, result.millis(), result.written(), result.unchanged(),
                result.deleted(), result.fetched(), result.incremental() ? " (incremental)" : " (full)");
    }

    private static int usage(PrintStream out) {
        out.println("usage: java -jar samizdat.jar export-mirror --out DIR [--full] [--standalone] [--spring.option=value ...]");
        out.println("       java -jar samizdat.jar verify-mirror DIR [--key FILE | --key-base64 KEY]");
        out.println("export-mirror asks the server running on the same data folder (--samizdat.data-dir, SAMIZDAT_DATA_DIR)"
                + " to export; when none runs, or with --standalone, it starts an application of its own.");
        return 2;
    }
}
