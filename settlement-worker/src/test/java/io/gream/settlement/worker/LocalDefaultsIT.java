package io.gream.settlement.worker;

import io.gream.contracts.SettlementCompleted;
import io.gream.settlement.LedgerInvariants;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With no database settings the worker runs on its default H2 file database under the data dir: nothing to install. */
class LocalDefaultsIT extends WorkerTestSupport {

    @Test
    void settlesIntoTheDefaultH2FileDatabaseUnderTheDataDir(@TempDir Path dataDir) throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        ConfigurableApplicationContext worker = startWorker(gateway, null, "--gream.data-dir=" + dataDir);
        String auctionId = newAuctionId();

        publish(sold(auctionId, 6_600));

        assertThat(event(awaitSettlementEvents(auctionId, 1).get(0))).isInstanceOf(SettlementCompleted.class);
        assertThat(Files.exists(dataDir.resolve("settlement").resolve("settlement.mv.db"))).isTrue();
        DataSource h2 = worker.getBean(DataSource.class);
        assertThat(LedgerInvariants.count(h2, "SELECT COUNT(*) FROM ledger_line WHERE journal_id = ?", auctionId))
                .isEqualTo(3);
        LedgerInvariants.assertHold(h2);
        assertThat(gateway.chargesTaken(key(auctionId))).isEqualTo(1);
    }
}
