package io.gream.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before anything starts, that every port of the stack is free and used once, so a taken port is one clear
 * message naming the port and the flag to change it, not a half-started stack and a bind exception in a log.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** @return one line per problem; empty when every port can be bound */
    static List<String> problems(Map<String, Integer> namedPorts) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> seen = new HashMap<>();
        namedPorts.forEach((name, port) -> {
            String other = seen.putIfAbsent(port, name);
            if (other != null) {
                problems.add("port " + port + " is given to both " + other + " and " + name);
            } else if (!free(port)) {
                problems.add("port " + port + " for " + name + " is already in use");
            }
        });
        return problems;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the servers themselves bind: connections of a previous run in TIME_WAIT do not make a port taken,
            // while a port another process listens on does.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
