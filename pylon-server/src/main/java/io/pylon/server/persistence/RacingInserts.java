package io.pylon.server.persistence;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an insert-or-update ({@code ON CONFLICT}) that may race with another transaction creating the same row. PostgreSQL
 * makes the second creator wait and then update; H2's emulation of {@code ON CONFLICT} may fail with a duplicate key
 * instead. Each attempt runs in a savepoint (so a failed one leaves the surrounding transaction usable) and a failed
 * attempt is retried, which then finds the row and updates it.
 */
@Component
public class RacingInserts {

    static final int ATTEMPTS = 5;

    private final TransactionTemplate savepoint;

    public RacingInserts(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public void run(Runnable upsert) {
        for (int attempt = 1; ; attempt++) {
            try {
                savepoint.executeWithoutResult(status -> upsert.run());
                return;
            } catch (DataAccessException | org.jooq.exception.DataAccessException e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }
}
