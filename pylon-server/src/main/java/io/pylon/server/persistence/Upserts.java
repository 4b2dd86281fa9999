package io.pylon.server.persistence;

import java.util.function.IntSupplier;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Insert-or-update of one row that two requests may race to create: update; if there was nothing to update,
 * insert inside a savepoint (a unique violation aborts a PostgreSQL transaction); if a racing insert won, update.
 * Portable across H2 and PostgreSQL, unlike H2's emulated MERGE under concurrency.
 */
final class Upserts {

    private static final int ATTEMPTS = 3;

    private Upserts() {}

    static void upsert(TransactionTemplate savepoint, IntSupplier update, IntSupplier insert) {
        for (int attempt = 1; ; attempt++) {
            if (update.getAsInt() > 0) return;
            try {
                savepoint.executeWithoutResult(status -> insert.getAsInt());
                return;
            } catch (DataAccessException | org.jooq.exception.DataAccessException e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }
}
