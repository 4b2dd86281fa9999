package io.pylon.server.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets at most as many threads ask the pool for a connection as it has connections; the rest wait on a
 * fair semaphore. Thousands of virtual threads waiting inside the pool itself spin on its hand-off queue
 * and starve the few that hold connections (seen in a 19,000-charger connect storm: every pooled
 * connection idle in transaction for seconds); parked on a semaphore they cost nothing.
 */
public class GatedDataSource extends DelegatingDataSource {

    private final Semaphore permits;
    private final long timeoutMillis;

    public GatedDataSource(DataSource pool, int connections, long timeoutMillis) {
        super(pool);
        this.permits = new Semaphore(connections, true);
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Connection getConnection() throws SQLException {
        acquire();
        try {
            return gated(super.getConnection());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        acquire();
        try {
            return gated(super.getConnection(username, password));
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private void acquire() throws SQLException {
        try {
            if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("No database connection within " + timeoutMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("Interrupted while waiting for a database connection", e);
        }
    }

    /** The connection, releasing its permit exactly once when closed. */
    private Connection gated(Connection connection) {
        AtomicBoolean released = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    boolean closing = "close".equals(method.getName()) && released.compareAndSet(false, true);
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (closing) permits.release();
                    }
                });
    }
}
