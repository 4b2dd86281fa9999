package io.pylon.domain.event;

/**
 * Port: where domain events go. Services call {@link #publish} inside the transaction that caused the
 * event; the adapter delivers it only once that transaction commits (in-process after commit, or through
 * a database outbox and Kafka), and never when it rolls back.
 */
@FunctionalInterface
public interface DomainEvents {

    void publish(DomainEvent event);

    /**
     * Whether {@link #publish} must run inside the transaction that stores what the event reports (an outbox
     * row written with it). A publisher that delivers in memory after commit is not transactional: a service may
     * then store first, by group commit, and publish once stored.
     */
    default boolean transactional() {
        return false;
    }

    /** Drops every event: for services wired without a bus (unit tests). */
    DomainEvents NONE = event -> { };
}
