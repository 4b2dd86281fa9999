package io.pylon.domain.command;

import io.pylon.domain.auth.Authorizer;
import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.charger.Charger;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.command.ChargerCommand.CancelReservation;
import io.pylon.domain.command.ChargerCommand.ReserveNow;
import io.pylon.domain.command.ChargerCommand.SendLocalList;
import io.pylon.domain.reservation.Reservation;
import io.pylon.domain.reservation.ReservationRepository;
import io.pylon.domain.reservation.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends commands to chargers and keeps what they change: the local list version a charger holds,
 * the reservations it accepted. Plain commands pass straight to the {@link ChargerGateway}.
 */
public final class CommandService {

    /** Most entries one local list may carry (the charger may accept fewer; see LocalAuthListMaxLength). */
    public static final int MAX_LOCAL_LIST = 10_000;

    private final ChargerGateway gateway;
    private final ChargerRepository chargers;
    private final IdTokenRepository tokens;
    private final ReservationRepository reservations;
    private final Authorizer authorizer;
    private final Clock clock;

    public CommandService(ChargerGateway gateway, ChargerRepository chargers, IdTokenRepository tokens,
                          ReservationRepository reservations, Authorizer authorizer, Clock clock) {
        this.gateway = gateway;
        this.chargers = chargers;
        this.tokens = tokens;
        this.reservations = reservations;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    /** Sends a command; a remote start at a charger an alarm has locked out is refused without asking it. */
    public CompletableFuture<CommandResult> send(String chargerId, ChargerCommand command) {
        boolean start = command instanceof ChargerCommand.RemoteStart || command instanceof ChargerCommand.ParallelRemoteStart;
        if (start && authorizer.lockedOut(chargerId)) {
            return CompletableFuture.completedFuture(new CommandResult("Rejected", Map.of("reason", "An alarm locks this charger out until a person clears it")));
        }
        return gateway.send(chargerId, command);
    }

    /**
     * Sends the local list: {@code full} replaces the charger's list with the given id tags (all tokens when
     * none are named); otherwise a differential update of {@code idTags} and {@code removals}. The list version
     * advances by one and is remembered once the charger accepts it.
     */
    public CompletableFuture<CommandResult> sendLocalList(String chargerId, boolean full, List<String> idTags,
                                                          List<String> removals) {
        Charger charger = chargers.find(chargerId).orElseThrow(() -> new NoSuchElementException("charger " + chargerId));
        Instant now = clock.instant();
        List<IdToken> chosen = full && (idTags == null || idTags.isEmpty())
                ? tokens.all(charger.operatorId(), MAX_LOCAL_LIST) : tokens.findAll(idTags == null ? List.of() : idTags);
        List<LocalListEntry> entries = new ArrayList<>();
        for (IdToken token : chosen) {
            if (token.operatorId() != null && !token.operatorId().equals(charger.operatorId())) {
                continue; // another operator's card never reaches this charger
            }
            entries.add(new LocalListEntry(token.idTag(), authorizer.authorize(token, now)));
        }
        if (!full && removals != null) {
            removals.forEach(idTag -> entries.add(new LocalListEntry(idTag, null)));
        }
        int version = charger.localListVersion() + 1;
        return gateway.send(chargerId, new SendLocalList(version, full, entries)).thenApply(result -> {
            if (result.accepted()) {
                chargers.setLocalListVersion(chargerId, version);
            }
            return result;
        });
    }

    /** Asks the charger to remember the version it reports. */
    public CompletableFuture<CommandResult> getLocalListVersion(String chargerId) {
        return gateway.send(chargerId, new ChargerCommand.GetLocalListVersion()).thenApply(result -> {
            Object version = result.data().get("listVersion");
            if (version instanceof Number n && n.intValue() >= 0) {
                chargers.setLocalListVersion(chargerId, n.intValue());
            }
            return result;
        });
    }

    /** Reserves a connector; the reservation is kept whatever the charger answers, with that answer. */
    public CompletableFuture<Reservation> reserve(String chargerId, int connectorId, String idTag, Instant expiry) {
        if (!gateway.isConnected(chargerId)) {
            return CompletableFuture.failedFuture(new CommandFailure(CommandFailure.Kind.OFFLINE, "Charger " + chargerId + " is offline"));
        }
        String parent = tokens.find(idTag).map(IdToken::parentIdTag).orElse(null);
        int id = reservations.create(chargerId, connectorId, idTag, parent, expiry, clock.instant());
        return gateway.send(chargerId, new ReserveNow(connectorId, expiry, idTag, parent, id))
                .handle((result, error) -> {
                    if (error != null) {
                        reservations.setStatus(id, ReservationStatus.REJECTED, error.getMessage());
                    } else {
                        reservations.setStatus(id, result.accepted() ? ReservationStatus.ACTIVE : ReservationStatus.REJECTED,
                                result.status());
                    }
                    return reservations.find(id).orElseThrow();
                });
    }

    public CompletableFuture<CommandResult> cancelReservation(int reservationId) {
        Reservation reservation = reservations.find(reservationId)
                .orElseThrow(() -> new NoSuchElementException("reservation " + reservationId));
        return gateway.send(reservation.chargerId(), new CancelReservation(reservationId)).thenApply(result -> {
            if (result.accepted()) {
                reservations.setStatus(reservationId, ReservationStatus.CANCELLED, result.status());
            }
            return result;
        });
    }
}
