package io.gream.childjvm;

import java.net.ServerSocket;

/** A stand-in service for the tests: says hello, then holds a port open until it is stopped (or exits at once). */
public final class PortHolder {

    private PortHolder() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("hello from the child");
        if (args[0].equals("exit")) {
            System.exit(3);
        }
        try (ServerSocket socket = new ServerSocket(Integer.parseInt(args[0]))) {
            while (true) {
                socket.accept().close();
            }
        }
    }
}
