package io.gream.settlement;

import org.h2.tools.Server;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, empty database for one test class: a new database {@code gream_settlement_<random>} on the MariaDB at
 * 127.0.0.1:3306 (user root, MariaDB Connector/J), dropped afterwards. With {@code CI=true} the MariaDB is required;
 * otherwise H2 in MySQL mode (served over TCP in this JVM, so it can be reached through a proxy like MariaDB) stands
 * in when no MariaDB is reachable, or when {@code GREAM_TEST_DB=h2} asks for it.
 */
public final class TestDatabase implements AutoCloseable {

    private static final int MARIADB_PORT = 3306;
    private static final String OPTIONS = "?connectTimeout=2000";

    /** The JDBC URL with {@code %d} for the port. */
    private final String urlTemplate;
    private final int port;
    private final String user;
    private final String mariaDbName;
    private final Server h2;

    private TestDatabase(String urlTemplate, int port, String user, String mariaDbName, Server h2) {
        this.urlTemplate = urlTemplate;
        this.port = port;
        this.user = user;
        this.mariaDbName = mariaDbName;
        this.h2 = h2;
    }

    public static TestDatabase create() {
        String name = "gream_settlement_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci && "h2".equalsIgnoreCase(System.getenv("GREAM_TEST_DB"))) {
            return h2(name);
        }
        try (Connection server = DriverManager.getConnection(mariaDb(MARIADB_PORT, ""), "root", "");
             Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            return new TestDatabase("jdbc:mariadb://127.0.0.1:%d/" + name + OPTIONS, MARIADB_PORT, "root", name,
                    null);
        } catch (SQLException e) {
            if (ci) {
                throw new IllegalStateException("CI=true requires the MariaDB at 127.0.0.1:3306", e);
            }
            return h2(name);
        }
    }

    private static TestDatabase h2(String name) {
        try {
            Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            return new TestDatabase("jdbc:h2:tcp://127.0.0.1:%d/mem:" + name
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1", server.getPort(),
                    "sa", null, server);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start an H2 server", e);
        }
    }

    private static String mariaDb(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + OPTIONS;
    }

    public boolean isMariaDb() {
        return mariaDbName != null;
    }

    /** The port the database listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** {@code --spring.datasource.*} arguments for an application using this database. */
    public List<String> args() {
        return argsVia(port);
    }

    /** {@code --spring.datasource.*} arguments reaching this database through another port, e.g. a proxy's. */
    public List<String> argsVia(int viaPort) {
        return List.of("--spring.datasource.url=" + urlTemplate.formatted(viaPort),
                "--spring.datasource.username=" + user, "--spring.datasource.password=");
    }

    public DataSource dataSource() {
        return new DriverManagerDataSource(urlTemplate.formatted(port), user, "");
    }

    @Override
    public void close() {
        if (h2 != null) {
            h2.stop();
            return;
        }
        try (Connection server = DriverManager.getConnection(mariaDb(MARIADB_PORT, ""), "root", "");
             Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + mariaDbName);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + mariaDbName, e);
        }
    }

    @Override
    public String toString() {
        return isMariaDb() ? "MariaDB " + mariaDbName : "H2 " + urlTemplate.formatted(port);
    }
}
