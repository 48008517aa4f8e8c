package io.gream.settlement;

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
 * 127.0.0.1:3306 (user root, MariaDB Connector/J), dropped afterwards. With {@code CI=true} the MariaDB is required; otherwise H2 in MySQL
 * mode stands in when no MariaDB is reachable, or when {@code GREAM_TEST_DB=h2} asks for it.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String OPTIONS = "?connectTimeout=2000";

    private final String url;
    private final String user;
    private final String password;
    private final String mariaDbName;

    private TestDatabase(String url, String user, String password, String mariaDbName) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.mariaDbName = mariaDbName;
    }

    public static TestDatabase create() {
        String name = "gream_settlement_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci && "h2".equalsIgnoreCase(System.getenv("GREAM_TEST_DB"))) {
            return h2(name);
        }
        try (Connection server = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
             Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            return new TestDatabase(SERVER + name + OPTIONS, "root", "", name);
        } catch (SQLException e) {
            if (ci) {
                throw new IllegalStateException("CI=true requires the MariaDB at 127.0.0.1:3306", e);
            }
            return h2(name);
        }
    }

    private static TestDatabase h2(String name) {
        return new TestDatabase("jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000"
                + ";DB_CLOSE_DELAY=-1", "sa", "", null);
    }

    public boolean isMariaDb() {
        return mariaDbName != null;
    }

    /** {@code --spring.datasource.*} arguments for an application using this database. */
    public List<String> args() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
    }

    public DataSource dataSource() {
        return new DriverManagerDataSource(url, user, password);
    }

    @Override
    public void close() {
        if (mariaDbName == null) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
            return;
        }
        try (Connection server = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
             Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + mariaDbName);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + mariaDbName, e);
        }
    }

    @Override
    public String toString() {
        return isMariaDb() ? "MariaDB " + mariaDbName : "H2 " + url;
    }
}
