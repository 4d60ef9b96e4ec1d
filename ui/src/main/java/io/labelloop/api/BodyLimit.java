package io.labelloop.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body may not exceed a limit: one without a length (chunked) that grows past it fails its read with
 * {@link TooLarge}, which {@link ApiErrors} answers with 413. A declared length over the limit is refused before the
 * read by {@link ApiErrorFilter}.
 */
final class BodyLimit extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream limited;

    BodyLimit(HttpServletRequest request, long maxBytes) {
        super(request);
        this.maxBytes = maxBytes;
    }

    static String message(long bytes, long maxBytes) {
        return "the request body is " + (bytes < 0 ? "longer" : bytes + " bytes, more") + " than the limit of "
                + maxBytes + " bytes (labelloop.api.max-body-size): send fewer records per call";
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (limited == null) {
            limited = new Counting(super.getInputStream(), maxBytes);
        }
        return limited;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    /** The body grew past the limit while it was read. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super(message(-1, maxBytes));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long count;

        Counting(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            return b < 0 ? b : counted(b, 1);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            return n <= 0 ? n : counted(n, n);
        }

        private int counted(int result, int bytes) throws TooLarge {
            count += bytes;
            if (count > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            return result;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
