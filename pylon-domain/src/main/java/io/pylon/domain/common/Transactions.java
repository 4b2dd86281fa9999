package io.pylon.domain.common;

import java.util.function.Supplier;

/** Port: runs work in one database transaction (all or nothing). */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
