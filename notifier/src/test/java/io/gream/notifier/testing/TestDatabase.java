package io.gream.notifier.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database for one test class: on the MariaDB at 127.0.0.1:3306 (required when {@code CI=true}, used
 * whenever reachable otherwise, unless {@code -Dgream.test.database=h2}), else an in-memory H2 in MySQL mode.
 * {@link #close()} drops it.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 3306;

    private final String url;
    private final String name;
    private final boolean mariadb;

    private TestDatabase(String url, String name, boolean mariadb) {
        this.url = url;
        this.name = name;
        this.mariadb = mariadb;
    }

    public static TestDatabase create() {
        String name = "notifier_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean forceH2 = "h2".equalsIgnoreCase(System.getProperty("gream.test.database"));
        if (ci || (!forceH2 && reachable())) {
            try (Connection c = DriverManager.getConnection(serverUrl("test"), "root", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("MariaDB at " + HOST + ":" + PORT + " is required"
                        + (ci ? " when CI=true" : "") + " but could not create a database", e);
            }
            return new TestDatabase(serverUrl(name), name, true);
        }
        return new TestDatabase("jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", name,
                false);
    }

    /** Arguments that point the notifier at this database. */
    public String[] springArgs() {
        return new String[]{"--spring.datasource.url=" + url,
                "--spring.datasource.username=" + (mariadb ? "root" : "sa"),
                "--spring.datasource.password="};
    }

    public String url() {
        return url;
    }

    public String user() {
        return mariadb ? "root" : "sa";
    }

    public boolean isMariaDb() {
        return mariadb;
    }

    @Override
    public void close() {
        if (!mariadb) {
            return;
        }
        try (Connection c = DriverManager.getConnection(serverUrl("test"), "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
        }
    }

    private static String serverUrl(String database) {
        return "jdbc:mariadb://" + HOST + ":" + PORT + "/" + database;
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
