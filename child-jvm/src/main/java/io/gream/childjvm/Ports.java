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

    /** {@code count} distinct free ports: all are held open together while they are chosen. */
    public static int[] free(int count) {
        java.util.List<ServerSocket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // it was only holding the port
                }
            }
        }
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
