package io.gream.settlement.store;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2's stand-in for the MySQL triggers that SIGNAL: installed {@code BEFORE UPDATE} and {@code BEFORE DELETE} on
 * {@code ledger_line} by the H2 migration, it refuses the statement, so the local stack's ledger is as append-only as
 * production's.
 */
public class AppendOnlyTrigger implements Trigger {

    private String table = "ledger_line";

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                "45000");
    }
}
