package io.gream.contracts;

import java.time.Instant;

/**
 * What became of a second-chance offer, on {@code gream.settlement-events} keyed by {@link #auctionId()}. An auction
 * has at most one offer: {@link SecondChanceOffered} ({@code eventId = auctionId:second-chance:offered}), then at
 * most one outcome ({@code auctionId:second-chance:outcome}): {@link SecondChanceCompleted},
 * {@link SecondChanceFailed}, {@link SecondChanceDeclined} or {@link SecondChanceExpired}. A command the worker
 * refused is answered by a {@link SecondChanceRejected} of its own id. As with every settlement event, a crash may
 * publish one twice, always with the same content.
 */
public sealed interface SecondChanceEvent extends SettlementEvent
        permits SecondChanceOffered, SecondChanceCompleted, SecondChanceFailed, SecondChanceDeclined,
        SecondChanceExpired, SecondChanceRejected {

    static String offeredEventId(String auctionId) {
        return auctionId + ":second-chance:offered";
    }

    static String outcomeEventId(String auctionId) {
        return auctionId + ":second-chance:outcome";
    }

    static String rejectedEventId(String auctionId, String commandId) {
        return auctionId + ":second-chance:cmd:" + commandId;
    }

    /** When it happened: for a command's answer, the command's broker time. */
    @Override
    Instant at();
}
