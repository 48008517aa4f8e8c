package io.gream.settlement.store;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A row whose id the worker assigns (an auction id, a refund id), so Spring Data cannot tell a new row by a null id.
 * A record made with {@code super(true)} is new until JPA has persisted it, and {@code save} then inserts it rather
 * than merging: a second insert of the same id fails on the primary key instead of overwriting the row. A record JPA
 * loads is never new. Not for generated ids.
 */
@MappedSuperclass
public abstract class AssignedIdRecord implements Persistable<String> {

    @Transient
    private boolean fresh;

    /** For JPA, which loads stored rows. */
    protected AssignedIdRecord() {
    }

    protected AssignedIdRecord(boolean fresh) {
        this.fresh = fresh;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }
}
