package io.gream.settlement.store;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface SecondChanceRepository extends CrudRepository<SecondChanceRecord, String> {

    /** {@code SELECT ... FOR UPDATE}, native for the reason given at {@code SettlementRepository.lock}. */
    @Query(value = "SELECT * FROM second_chance WHERE auction_id = :auctionId FOR UPDATE", nativeQuery = true)
    Optional<SecondChanceRecord> lock(@Param("auctionId") String auctionId);

    List<SecondChanceRecord> findByStateAndExpiresAtLessThanEqualOrderByExpiresAt(SecondChanceState state,
                                                                                 Instant at, Limit limit);

    /** Rows with an event not yet acknowledged: the offer, or the outcome of a finished offer. */
    @Query("SELECT s FROM SecondChanceRecord s WHERE s.offerPublishedAt IS NULL"
            + " OR (s.outcomePublishedAt IS NULL AND s.state IN :finished) ORDER BY s.offeredAt")
    List<SecondChanceRecord> unpublished(@Param("finished") Collection<SecondChanceState> finished, Limit limit);

    List<SecondChanceRecord> findByStateAndSettledAtGreaterThanEqualAndSettledAtLessThan(SecondChanceState state,
                                                                                        Instant from, Instant to);
}
