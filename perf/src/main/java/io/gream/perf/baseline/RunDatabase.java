package io.gream.perf.baseline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gream.lockingbaseline.LockingBidService;
import io.gream.perf.workload.BidGenerator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.IntStream;

/** A database of the lock-based baselines' own on a MySQL/MariaDB server: created for one run, dropped on close. */
public final class RunDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    /** @param serverUrl JDBC URL of the server without a database, e.g. {@code jdbc:mariadb://127.0.0.1:3306/} */
    public RunDatabase(String serverUrl, String user, String password, String name) throws SQLException {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.name = name.replaceAll("[^A-Za-z0-9_]", "_");
        execute("CREATE DATABASE " + this.name);
    }

    public String url() {
        return serverUrl + name;
    }

    public HikariDataSource pool(String poolName, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName(poolName);
        return new HikariDataSource(config);
    }

    /** Inserts the generator's auctions as the lock-based service's rows, each ending an hour from now. */
    public static void openAuctions(LockingBidService rows, BidGenerator generator) {
        String[] ids = IntStream.range(0, generator.workload().auctions()).mapToObj(generator::auctionId)
                .toArray(String[]::new);
        rows.open(ids, BidGenerator.SELLER, BidGenerator.START_PRICE, BidGenerator.MIN_INCREMENT,
                System.currentTimeMillis() + 3_600_000);
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
