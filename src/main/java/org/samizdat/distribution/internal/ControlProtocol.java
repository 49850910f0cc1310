package org.samizdat.distribution.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The control socket's one-line protocol. Request: {@code export <full|incremental> <absolute folder>}; reply:
 * {@code OK files=… bytes=… millis=… written=… unchanged=… deleted=… fetched=… incremental=…}, {@code BUSY <why>}
 * or {@code FAILED <why>}. Lines are UTF-8 and end with a line feed; a request is at most {@link #MAX_REQUEST} bytes.
 */
final class ControlProtocol {

    static final int MAX_REQUEST = 4096;
    static final String USAGE = "expected: export <full|incremental> <absolute folder>";

    /** A parsed request: which kind of export, into which folder. */
    record Request(boolean full, Path out) {
    }

    private ControlProtocol() {
    }

    /** The request line for an export into {@code out}, which must be absolute. */
    static String request(boolean full, Path out) {
        String folder = out.toString();
        if (!out.isAbsolute() || folder.contains("\n") || folder.contains("\r")) {
            throw new IllegalArgumentException("the folder must be an absolute path without line breaks");
        }
        return "export " + (full ? "full" : "incremental") + " " + folder + "\n";
    }

    /** Parses a request line (without its line feed); the exception's message is the reason to reply. */
    static Request parse(String line) {
        String[] parts = line.split(" ", 3);
        if (parts.length < 3 || !parts[0].equals("export") || parts[2].isBlank()) {
            throw new IllegalArgumentException("unknown request; " + USAGE);
        }
        if (!parts[1].equals("full") && !parts[1].equals("incremental")) {
            throw new IllegalArgumentException("the kind of export must be full or incremental; " + USAGE);
        }
        Path out;
        try {
            out = Path.of(parts[2]);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("the folder is not a valid path");
        }
        if (!out.isAbsolute()) {
            throw new IllegalArgumentException("the folder must be an absolute path");
        }
        return new Request(parts[1].equals("full"), out.normalize());
    }

    /** The reply line for a finished export. */
    static String ok(MirrorExport.Result r) {
        return "OK files=" + r.files() + " bytes=" + r.bytes() + " millis=" + r.millis() + " written=" + r.written()
                + " unchanged=" + r.unchanged() + " deleted=" + r.deleted() + " fetched=" + r.fetched()
                + " incremental=" + r.incremental();
    }

    /** The result an {@code OK} reply carries; an {@link IllegalArgumentException} when a number is missing. */
    static MirrorExport.Result result(String reply) {
        Map<String, String> values = new HashMap<>();
        for (String pair : reply.split(" ")) {
            int at = pair.indexOf('=');
            if (at > 0) {
                values.put(pair.substring(0, at), pair.substring(at + 1));
            }
        }
        try {
            return new MirrorExport.Result(Integer.parseInt(values.get("files")), Integer.parseInt(values.get("written")),
                    Integer.parseInt(values.get("unchanged")), Integer.parseInt(values.get("deleted")),
                    Long.parseLong(values.get("bytes")), Long.parseLong(values.get("millis")),
                    Boolean.parseBoolean(values.get("incremental")), Integer.parseInt(values.get("fetched")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unexpected reply from the server: " + reply);
        }
    }
}
