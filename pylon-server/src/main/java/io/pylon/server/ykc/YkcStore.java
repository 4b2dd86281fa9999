package io.pylon.server.ykc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** What the YKC gateway keeps beside the protocol-neutral tables: piles, transaction serials, BMS frames. */
public interface YkcStore {

    /** Where a transaction serial came from. */
    enum Origin { REMOTE_START, PILE_START, OFFLINE_RECORD }

    /**
     * One YKC transaction serial and the session it belongs to.
     *
     * @param sessionId null while a remote start waits for the pile's answer
     * @param recordAt  when the pile's transaction record closed it (set once)
     */
    record Transaction(String serial, String chargerId, int connectorId, String idTag, Long sessionId, Origin origin,
                       Instant createdAt, Instant recordAt) {}

    /** The billing model last sent to a pile: its number and terms (as {@link BillingModels#terms}). */
    record SentModel(int number, String terms) {}

    void loggedIn(String chargerId, int protocolVersion, int pileType, int guns, Instant at);

    /** Whether the charger has ever logged in over YKC. */
    boolean isPile(String chargerId);

    Optional<SentModel> sentModel(String chargerId);

    void modelSent(String chargerId, SentModel model, Instant at);

    /** Stores a new serial; false if it exists already. */
    boolean insert(Transaction transaction);

    Optional<Transaction> transaction(String serial);

    Optional<Transaction> bySession(long sessionId);

    void linkSession(String serial, long sessionId);

    /**
     * Marks the serial's record as handled, with the pile's amount (yuan) and energy (Wh); true only for the
     * first call, so a re-sent record is billed once.
     */
    boolean recordHandled(String serial, BigDecimal amount, long energyWh, Instant at);

    /** A card of a driver and a pile (with the gun) where it started a transaction. */
    record CardUse(String chargerId, int connectorId, String idTag) {}

    /**
     * Where the driver's cards started transactions since {@code since}, on piles of the operator: one row per pile and
     * card, with the gun of its latest transaction there.
     */
    java.util.List<CardUse> cardUses(long operatorId, long driverId, Instant since);

    void bmsFrame(String chargerId, int connectorId, String serial, Long sessionId, String kind, String payloadHex,
                  Instant at);
}
