package io.gream.ingress.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes a request byte for byte on a socket and reads the whole answer, so a test can send what an HTTP client
 * library would refuse or normalise (huge headers, encoded slashes).
 */
final class RawHttp {

    private RawHttp() {
    }

    static Answer send(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(all);
            } catch (IOException connectionReset) {
                // the server may close after answering while the rest of an oversized request is unread
            }
            return Answer.parse(all.toString(StandardCharsets.UTF_8));
        }
    }

    /** A raw HTTP/1.1 answer: status, header block and body as sent. */
    record Answer(int status, String head, String body) {

        static Answer parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            return new Answer(head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1, head, body);
        }

        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim()).findFirst().orElse("");
        }
    }
}
