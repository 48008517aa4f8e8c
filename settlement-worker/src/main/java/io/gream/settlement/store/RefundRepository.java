package io.gream.settlement.store;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

interface RefundRepository extends CrudRepository<RefundRecord, String> {

    List<RefundRecord> findByAuctionId(String auctionId);

    List<RefundRecord> findByStateAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(RefundState state, Instant now,
                                                                                    Limit limit);

    List<RefundRecord> findByStateAndPublishedAtIsNullOrderByRefundedAt(RefundState state, Limit limit);

    List<RefundRecord> findAllByOrderByRequestedAtDesc(Limit limit);

    List<RefundRecord> findByStateAndRefundedAtGreaterThanEqualAndRefundedAtLessThan(RefundState state, Instant from,
                                                                                     Instant to);

    List<RefundRecord> findByKindAndRequestedAtGreaterThanEqualAndRequestedAtLessThan(RefundKind kind, Instant from,
                                                                                      Instant to);
}
