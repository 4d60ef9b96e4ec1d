package io.labelloop.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests a client library refuses to send (a malformed request line, a bad
 * percent-escape, a declared length with no body): writes the head as given, reads one answer as its head
 * frames it.
 */
record RawHttp(int port) {

    /** Status, lower-cased head and body of one answer. */
    record Answer(int status, String head, String body) {
    }

    /** Sends {@code requestLine}, a Host and the extra header lines, with {@code Connection: close}. */
    Answer send(String requestLine, String credentials, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
        if (credentials != null) {
            head.append("Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** Reads one answer: the head, then the body its length or chunking declares (or until the server closes). */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; !complete(all.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // The server may reset after its answer when a declared body is never sent: keep what arrived.
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Whether the bytes so far hold a whole answer; the server need not close after a refused body. */
    private static boolean complete(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = raw.substring(0, end).toLowerCase(Locale.ROOT);
        if (head.contains("transfer-encoding: chunked")) {
            return raw.endsWith("0\r\n\r\n");
        }
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = head.indexOf("\r\n", at);
        long length = Long.parseLong(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
        return raw.getBytes(StandardCharsets.ISO_8859_1).length - end - 4 >= length;
    }

    private static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(-1, raw, "");
        }
        String head = raw.substring(0, end).toLowerCase(Locale.ROOT);
        String body = raw.substring(end + 4);
        return new Answer(Integer.parseInt(raw.substring(9, 12)), head,
                head.contains("transfer-encoding: chunked") ? dechunk(body) : body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
