package io.gream.childjvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A loopback port nobody listens on, for a server started next (a child JVM, or a Kafka node in this JVM). Another
 * process may still take it in between: fine on a machine of one's own, not a reservation.
 */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
