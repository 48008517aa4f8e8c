package io.gream.settlement.store;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

interface SettlementRepository extends CrudRepository<SettlementRecord, String> {

    /** {@code SELECT ... FOR UPDATE}: one worker at a time moves a settlement on. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from SettlementRecord s where s.auctionId = :auctionId")
    Optional<SettlementRecord> lock(@Param("auctionId") String auctionId);
}
