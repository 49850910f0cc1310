package org.samizdat.site.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Holds a page's body in memory while it renders so the cache can keep it; headers and status go straight
 * to the real response, which stays uncommitted until the filter writes the body itself.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    private final ServletOutputStream stream = new BufferStream();
    private PrintWriter writer;
    private boolean usedStream;
    private boolean handedOver;

    CapturingResponse(HttpServletResponse response) {
        super(response);
    }

    /** True when the response went to the container by another way (an error or a redirect). */
    boolean handedOver() {
        return handedOver || getResponse().isCommitted();
    }

    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called");
        }
        usedStream = true;
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (usedStream) {
            throw new IllegalStateException("getOutputStream() was already called");
        }
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(stream, charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    /** Spring derives the locale from the reader's Accept-Language; a page shared by all readers must not say it. */
    @Override
    public void setLocale(java.util.Locale locale) {
    }

    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        body.reset();
    }

    @Override
    public void reset() {
        super.reset();
        body.reset();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        handedOver = true;
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        handedOver = true;
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        handedOver = true;
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
        handedOver = true;
        super.sendRedirect(location, status, clearBuffer);
    }

    private final class BufferStream extends ServletOutputStream {

        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            body.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("asynchronous writes are not cached");
        }
    }
}
