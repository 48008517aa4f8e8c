package io.gream.settlement.worker;

import io.gream.contracts.AcceptSecondChance;
import io.gream.contracts.AuctionClosed;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.DeclineSecondChance;
import io.gream.contracts.Item;
import io.gream.contracts.OfferSecondChance;
import io.gream.contracts.SecondChanceCommand;
import io.gream.contracts.SecondChanceCompleted;
import io.gream.contracts.SecondChanceDeclined;
import io.gream.contracts.SecondChanceExpired;
import io.gream.contracts.SecondChanceOffered;
import io.gream.contracts.SecondChanceRejected;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.SettlementFailed;
import io.gream.contracts.Topics;
import io.gream.settlement.MutableClock;
import io.gream.settlement.payment.ChargeRequest;
import io.gream.settlement.payment.IdempotencyKeys;
import io.gream.settlement.payment.PaymentGateway;
import io.gream.settlement.payment.PaymentResult;
import io.gream.settlement.payment.RefundRequest;
import io.gream.settlement.payment.RefundResult;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import io.gream.settlement.worker.CrashAt.Step;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Second-chance offers against a real broker and database: the winner's card is declined, the seller offers the
 * voucher to the runner-up (found from the auction's public bid events alone), who accepts, declines or lets it
 * expire; a crash at any step of an accepted offer charges the runner-up once. The ledger invariants are checked
 * after every test.
 */
class SecondChanceIT extends WorkerTestSupport {

    static final String SELLER = "seller-1";
    static final String WINNER = "buyer-1";
    static final String RUNNER_UP = "alice";
    static final long RUNNER_UP_BID = 13_000;

    @BeforeAll
    static void createTheCommandTopic() {
        broker.addTopics(new NewTopic(Topics.SETTLEMENT_COMMANDS.name(), 3, (short) 1)
                .configs(Topics.SETTLEMENT_COMMANDS.configs()));
    }

    /** Declines the winner's card; everyone else pays through the simulated gateway. */
    static final class DecliningWinner implements PaymentGateway {

        final SimulatedPaymentGateway paying = reliableGateway();

        @Override
        public PaymentResult charge(ChargeRequest request) {
            return WINNER.equals(request.customerId())
                    ? new PaymentResult.Declined("CARD_DECLINED", "insufficient funds") : paying.charge(request);
        }

        @Override
        public Optional<PaymentResult> lookup(ChargeRequest request) {
            return paying.lookup(request);
        }

        @Override
        public RefundResult refund(RefundRequest request) {
            return paying.refund(request);
        }

        @Override
        public Optional<RefundResult> lookupRefund(RefundRequest request) {
            return paying.lookupRefund(request);
        }

        long runnerUpCharges(String auctionId) {
            return paying.chargesTaken(IdempotencyKeys.forSecondChance(auctionId));
        }

        long runnerUpChargeRequests(String auctionId) {
            return paying.chargeRequests(IdempotencyKeys.forSecondChance(auctionId));
        }
    }

    @Test
    void anAcceptedOfferChargesTheRunnerUpTheirHighestBidAndLedgersTheSale() throws Exception {
        DecliningWinner gateway = new DecliningWinner();
        startCommandReadyWorker(gateway, SettlementSteps.NONE);
        String auctionId = declinedSale();

        send(new OfferSecondChance("offer-1", auctionId, SELLER));
        SecondChanceOffered offered = (SecondChanceOffered) awaitEvent(auctionId,
                SecondChanceOffered.class::isInstance);
        assertThat(offered.runnerUpId()).isEqualTo(RUNNER_UP);
        assertThat(offered.price()).isEqualTo(RUNNER_UP_BID);
        assertThat(offered.bidEventId()).as("the bid outbid at once by the winner's maximum")
                .isEqualTo(auctionId + ":5");
        assertThat(offered.settlementEventId()).isEqualTo(SettlementEvent.eventId(auctionId));
        assertThat(offered.expiresAt()).isEqualTo(offered.at().plus(Duration.ofHours(48)));

        send(new AcceptSecondChance("accept-1", auctionId, RUNNER_UP));
        SecondChanceCompleted completed = (SecondChanceCompleted) awaitEvent(auctionId,
                SecondChanceCompleted.class::isInstance);
        assertThat(completed.runnerUpId()).isEqualTo(RUNNER_UP);
        assertThat(completed.sellerId()).isEqualTo(SELLER);
        assertThat(completed.price()).isEqualTo(RUNNER_UP_BID);
        assertThat(completed.fee() + completed.sellerProceeds()).isEqualTo(RUNNER_UP_BID);
        assertThat(completed.fee()).isEqualTo(1_300);
        assertThat(gateway.runnerUpCharges(auctionId)).isEqualTo(1);
        assertThat(ledgerLines(auctionId + ":second-chance")).isEqualTo(3);
        assertThat(ledgerLines(auctionId)).as("the declined sale has no journal").isZero();

        // The same accept again (a retried request): the same outcome, nothing charged again.
        send(new AcceptSecondChance("accept-1", auctionId, RUNNER_UP));
        List<ConsumerRecord<String, byte[]>> events = settlementEvents.awaitKey(auctionId, records -> records.stream()
                .filter(record -> event(record) instanceof SecondChanceCompleted).count() == 2);
        assertThat(distinctContents(events.stream().filter(r -> event(r) instanceof SecondChanceCompleted).toList()))
                .isEqualTo(1);
        assertThat(gateway.runnerUpChargeRequests(auctionId)).isEqualTo(1);
    }

    @Test
    void aDeclinedOfferChargesNoOneAndTakesNoLaterAnswer() throws Exception {
        DecliningWinner gateway = new DecliningWinner();
        startCommandReadyWorker(gateway, SettlementSteps.NONE);
        String auctionId = declinedSale();

        send(new OfferSecondChance("offer-1", auctionId, SELLER));
        awaitEvent(auctionId, SecondChanceOffered.class::isInstance);
        send(new DeclineSecondChance("decline-1", auctionId, RUNNER_UP));
        SecondChanceDeclined declined = (SecondChanceDeclined) awaitEvent(auctionId,
                SecondChanceDeclined.class::isInstance);
        assertThat(declined.runnerUpId()).isEqualTo(RUNNER_UP);
        assertThat(declined.commandId()).isEqualTo("decline-1");

        send(new AcceptSecondChance("accept-1", auctionId, RUNNER_UP));
        SecondChanceRejected rejected = (SecondChanceRejected) awaitEvent(auctionId,
                SecondChanceRejected.class::isInstance);
        assertThat(rejected.reason()).isEqualTo(SecondChanceRejected.Reason.OFFER_CLOSED);
        assertThat(rejected.commandId()).isEqualTo("accept-1");
        assertThat(gateway.runnerUpChargeRequests(auctionId)).isZero();
        assertThat(ledgerLines(auctionId + ":second-chance")).isZero();
    }

    @Test
    void anUnansweredOfferExpiresAtItsDeadlineAndALateAcceptIsRefused() throws Exception {
        DecliningWinner gateway = new DecliningWinner();
        MutableClock clock = new MutableClock(Instant.now());
        startCommandReadyWorker(gateway, clock, "--gream.settlement.second-chance.poll-interval=100ms");
        String auctionId = declinedSale();

        send(new OfferSecondChance("offer-1", auctionId, SELLER));
        SecondChanceOffered offered = (SecondChanceOffered) awaitEvent(auctionId,
                SecondChanceOffered.class::isInstance);
        clock.advance(Duration.ofHours(48).plusMinutes(10));
        SecondChanceExpired expired = (SecondChanceExpired) awaitEvent(auctionId,
                SecondChanceExpired.class::isInstance);
        assertThat(expired.at()).isEqualTo(offered.expiresAt());
        assertThat(expired.runnerUpId()).isEqualTo(RUNNER_UP);

        send(new AcceptSecondChance("accept-1", auctionId, RUNNER_UP));
        SecondChanceRejected rejected = (SecondChanceRejected) awaitEvent(auctionId,
                SecondChanceRejected.class::isInstance);
        assertThat(rejected.reason()).isEqualTo(SecondChanceRejected.Reason.OFFER_CLOSED);
        assertThat(gateway.runnerUpChargeRequests(auctionId)).isZero();
        assertThat(ledgerLines(auctionId + ":second-chance")).isZero();
    }

    @Test
    void refusesOffersAndAnswersTheRulesDoNotAllow() throws Exception {
        DecliningWinner gateway = new DecliningWinner();
        startCommandReadyWorker(gateway, SettlementSteps.NONE);
        String auctionId = declinedSale();
        String lonely = newAuctionId();
        publish(new BidAccepted(lonely + ":2", lonely, 2, CLOSED_AT.minusSeconds(60), "b-1", WINNER, 10_000, null,
                null, 1, 10_500));
        publish(close(lonely, 10_000));
        awaitEvent(lonely, SettlementFailed.class::isInstance);

        send(new AcceptSecondChance("early", auctionId, RUNNER_UP));
        assertThat(rejection(auctionId, "early")).isEqualTo(SecondChanceRejected.Reason.NOT_OFFERED);
        send(new OfferSecondChance("by-a-bidder", auctionId, RUNNER_UP));
        assertThat(rejection(auctionId, "by-a-bidder")).isEqualTo(SecondChanceRejected.Reason.NOT_SELLER);
        send(new OfferSecondChance("no-runner-up", lonely, SELLER));
        assertThat(rejection(lonely, "no-runner-up")).isEqualTo(SecondChanceRejected.Reason.NO_RUNNER_UP);
        String unsold = newAuctionId();
        send(new OfferSecondChance("unsold", unsold, SELLER));
        assertThat(rejection(unsold, "unsold")).isEqualTo(SecondChanceRejected.Reason.SALE_NOT_DECLINED);

        send(new OfferSecondChance("offer-1", auctionId, SELLER));
        awaitEvent(auctionId, SecondChanceOffered.class::isInstance);
        send(new OfferSecondChance("offer-2", auctionId, SELLER));
        assertThat(rejection(auctionId, "offer-2")).isEqualTo(SecondChanceRejected.Reason.ALREADY_OFFERED);
        send(new AcceptSecondChance("by-the-winner", auctionId, WINNER));
        assertThat(rejection(auctionId, "by-the-winner")).isEqualTo(SecondChanceRejected.Reason.NOT_RUNNER_UP);
        assertThat(gateway.runnerUpChargeRequests(auctionId)).isZero();
    }

    @Test
    void offersNothingForASaleThatWasPaid() throws Exception {
        DecliningWinner gateway = new DecliningWinner();
        startCommandReadyWorker(gateway, SettlementSteps.NONE);
        String auctionId = newAuctionId();
        publish(new BidAccepted(auctionId + ":2", auctionId, 2, CLOSED_AT.minusSeconds(60), "b-1", RUNNER_UP, 9_000,
                null, null, 1, 9_500));
        publish(new BidAccepted(auctionId + ":3", auctionId, 3, CLOSED_AT.minusSeconds(30), "b-2", "bob", 9_500,
                RUNNER_UP, 9_000L, 2, 10_000));
        publish(new AuctionClosed(auctionId + ":4", auctionId, 4, CLOSED_AT, null, SELLER, voucher(),
                CloseOutcome.SOLD, "bob", 9_500L, 2));
        awaitEvent(auctionId, event -> event instanceof io.gream.contracts.SettlementCompleted);

        send(new OfferSecondChance("offer-1", auctionId, SELLER));
        assertThat(rejection(auctionId, "offer-1")).isEqualTo(SecondChanceRejected.Reason.SALE_NOT_DECLINED);
    }


    @ParameterizedTest
    @EnumSource(Step.class)
    void aCrashAtAnyStepOfAnAcceptedOfferThenARestartChargesTheRunnerUpOnce(Step step) throws Exception {
        DecliningWinner gateway = new DecliningWinner();
        CrashAt crash = new CrashAt(step, sale -> RUNNER_UP.equals(sale.winnerId()));
        ConfigurableApplicationContext first = startCommandReadyWorker(gateway, crash);
        String auctionId = declinedSale();
        send(new OfferSecondChance("offer-1", auctionId, SELLER));
        awaitEvent(auctionId, SecondChanceOffered.class::isInstance);

        send(new AcceptSecondChance("accept-1", auctionId, RUNNER_UP));
        await().atMost(TIMEOUT).until(() -> !commandListener(first).isRunning());
        assertThat(gateway.runnerUpCharges(auctionId)).isEqualTo(step == Step.BEFORE_CHARGE ? 0 : 1);
        stop(first);

        startCommandReadyWorker(gateway, SettlementSteps.NONE);
        // Published again after the restart when the crash came after publishing (by the redelivered command, or by
        // the poll that finds an unacknowledged event): every copy the same.
        int copies = step == Step.AFTER_PUBLISH_BEFORE_OFFSET_COMMIT ? 2 : 1;
        List<ConsumerRecord<String, byte[]>> completions = settlementEvents.awaitKey(auctionId, records -> records
                .stream().filter(record -> event(record) instanceof SecondChanceCompleted).count() >= copies)
                .stream().filter(record -> event(record) instanceof SecondChanceCompleted).toList();

        assertThat(distinctContents(completions)).isEqualTo(1);
        assertThat(gateway.runnerUpCharges(auctionId)).isEqualTo(1);
        assertThat(gateway.runnerUpChargeRequests(auctionId)).as("never charged again, only looked up").isEqualTo(1);
        assertThat(ledgerLines(auctionId + ":second-chance")).isEqualTo(3);
    }

    /**
     * An auction whose winner's card is declined. The runner-up, alice, is found from the public events only: she
     * bid 13,000, which the winner's secret maximum outbid at once (the winner then leads at 13,500); bob bid less.
     */
    private String declinedSale() throws Exception {
        String auctionId = newAuctionId();
        Instant at = CLOSED_AT.minusSeconds(600);
        publish(new BidAccepted(auctionId + ":2", auctionId, 2, at, "b-1", RUNNER_UP, 10_000, null, null, 1, 10_500));
        publish(new BidAccepted(auctionId + ":3", auctionId, 3, at.plusSeconds(1), "b-2", "bob", 11_000, RUNNER_UP,
                10_000L, 2, 11_500));
        publish(new BidAccepted(auctionId + ":4", auctionId, 4, at.plusSeconds(2), "b-3", WINNER, 11_500, "bob",
                11_000L, 3, 12_000, null, null));
        publish(new BidAccepted(auctionId + ":5", auctionId, 5, at.plusSeconds(3), "b-4", RUNNER_UP, RUNNER_UP_BID,
                WINNER, 11_500L, 4, 13_500, true, null));
        publish(new BidRaisedByProxy(auctionId + ":6", auctionId, 6, at.plusSeconds(3), "b-4", WINNER, 13_500,
                RUNNER_UP, RUNNER_UP_BID, 4, 14_000));
        publish(close(auctionId, 13_500));
        SettlementFailed failed = (SettlementFailed) awaitEvent(auctionId, SettlementFailed.class::isInstance);
        assertThat(failed.reason()).isEqualTo("CARD_DECLINED");
        return auctionId;
    }

    private static AuctionClosed close(String auctionId, long price) {
        return new AuctionClosed(auctionId + ":9", auctionId, 9, CLOSED_AT, null, SELLER, voucher(),
                CloseOutcome.SOLD, WINNER, price, 5);
    }

    private static Item voucher() {
        return new Item("Starbucks", "Caffe Americano T", 4_500, LocalDate.parse("2027-01-31"));
    }

    private ConfigurableApplicationContext startCommandReadyWorker(PaymentGateway gateway, SettlementSteps steps) {
        return commandReady(startWorker(gateway, steps));
    }

    private ConfigurableApplicationContext startCommandReadyWorker(PaymentGateway gateway, MutableClock clock,
                                                                   String... extraArgs) {
        return commandReady(startTimedWorker(gateway, clock, extraArgs));
    }

    private static ConfigurableApplicationContext commandReady(ConfigurableApplicationContext worker) {
        MessageListenerContainer commands = commandListener(worker);
        await().atMost(TIMEOUT).until(() -> commands.getAssignedPartitions() != null
                && !commands.getAssignedPartitions().isEmpty());
        return worker;
    }

    private static MessageListenerContainer commandListener(ConfigurableApplicationContext worker) {
        return worker.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("second-chance");
    }

    private static void send(SecondChanceCommand command) throws Exception {
        producer.send(new ProducerRecord<>(Topics.SETTLEMENT_COMMANDS.name(), command.auctionId(),
                Topics.SETTLEMENT_COMMANDS.valueSerde().serializer().serialize(Topics.SETTLEMENT_COMMANDS.name(),
                        command))).get();
    }

    private static SettlementEvent awaitEvent(String auctionId, Predicate<SettlementEvent> wanted) {
        List<ConsumerRecord<String, byte[]>> records = settlementEvents.awaitKey(auctionId,
                found -> found.stream().map(WorkerTestSupport::event).anyMatch(wanted));
        return records.stream().map(WorkerTestSupport::event).filter(wanted).findFirst().orElseThrow();
    }

    private static SecondChanceRejected.Reason rejection(String auctionId, String commandId) {
        return ((SecondChanceRejected) awaitEvent(auctionId, event -> event instanceof SecondChanceRejected rejected
                && rejected.commandId().equals(commandId))).reason();
    }
}
