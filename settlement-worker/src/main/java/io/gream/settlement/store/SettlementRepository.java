package io.gream.settlement.store;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

import org.springframework.data.domain.Limit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface SettlementRepository extends CrudRepository<SettlementRecord, String> {

    /**
     * {@code SELECT ... FOR UPDATE}: one worker at a time moves a settlement on. Native and plain, because the
     * dialect Hibernate picks for MariaDB behind mysql-connector-j writes {@code FOR UPDATE OF alias}, which only
     * MySQL 8 understands; this form runs on MySQL, MariaDB and H2 alike.
     */
    @Query(value = "SELECT * FROM settlement WHERE auction_id = :auctionId FOR UPDATE", nativeQuery = true)
    Optional<SettlementRecord> lock(@Param("auctionId") String auctionId);

    /** Put-off settlements whose next attempt is due, the longest waiting first. */
    List<SettlementRecord> findByStateAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(SettlementState state,
                                                                                        Instant now, Limit limit);

    List<SettlementRecord> findByStateOrderByAuctionId(SettlementState state, Limit limit);

    long countByState(SettlementState state);

    List<SettlementRecord> findByStateAndSettledAtGreaterThanEqualAndSettledAtLessThan(SettlementState state,
                                                                                       Instant from, Instant to);

    long countByStateAndDeadlineAtLessThanEqual(SettlementState state, Instant now);

    Optional<SettlementRecord> findFirstByStateAndNextAttemptAtIsNotNullOrderByNextAttemptAt(SettlementState state);
}
