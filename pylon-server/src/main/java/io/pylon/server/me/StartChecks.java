package io.pylon.server.me;

import static io.pylon.server.me.Refusal.Reason.*;

import io.pylon.domain.auth.Authorization;
import io.pylon.domain.auth.Authorizer;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.ledger.WalletBalance;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.ledger.WalletSettings;
import io.pylon.domain.money.Money;
import io.pylon.domain.station.StationStatus;
import io.pylon.server.config.PylonProperties;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Everything checked before the driver app asks a charger to start, each refusal a problem+json with a reason
 * ({@link Refusal}). Connector first (field = how the driver named it): station placed, open and priced; charger
 * connected; connector Available or Preparing. Then the driver: no session of theirs running (one at a time,
 * whatever started it), their app token usable, and an available balance of at least the minimum a start holds.
 * The wallet hold itself is placed when the charger reports the start; a balance spent meanwhile is refused then.
 */
@Component
public class StartChecks {

    private final DriverSessions sessions;
    private final Authorizer authorizer;
    private final WalletService wallets;
    private final WalletSettings settings;

    public StartChecks(DriverSessions sessions, Authorizer authorizer, WalletService wallets, PylonProperties properties) {
        this.sessions = sessions;
        this.authorizer = authorizer;
        this.wallets = wallets;
        this.settings = new WalletSettings(properties.payments().minimumBalance());
    }

    /** Throws the first refusal that applies; returns when the start may be sent. */
    void check(Driver driver, ConnectorFinder.Found target, String field, String appIdTag, java.util.Currency currency) {
        connector(target, field);
        var running = sessions.active(driver);
        if (!running.isEmpty()) {
            throw Refusal.of(HttpStatus.CONFLICT, ACTIVE_SESSION, field, "you already have a session running; stop it first",
                    Map.of("sessionId", running.getFirst().session().id()));
        }
        Authorization token = authorizer.authorizeAt(driver.operatorId(), appIdTag);
        if (!token.accepted()) {
            throw Refusal.of(HttpStatus.FORBIDDEN, TOKEN_BLOCKED, "account", "charging is blocked for your account ("
                    + token.status() + "); contact the operator");
        }
        WalletBalance balance = wallets.balance(driver.operatorId(), driver.id(), currency);
        Money required = minimumToStart(currency);
        if (balance.available().compareTo(required) < 0) {
            throw Refusal.of(HttpStatus.CONFLICT, INSUFFICIENT_BALANCE, "balance", "at least " + required.amount().toPlainString()
                    + " " + currency.getCurrencyCode() + " must be available to start; top up first",
                    Map.of("available", balance.available(), "required", required));
        }
    }

    /** What a start holds from the wallet ({@code pylon.payments.minimum-balance}), so must be available. */
    Money minimumToStart(java.util.Currency currency) {
        return settings.minimumBalance(currency);
    }

    private static void connector(ConnectorFinder.Found target, String field) {
        var station = target.station();
        if (station.isEmpty() || target.prices().isEmpty()) {
            throw Refusal.of(HttpStatus.CONFLICT, NO_TARIFF, field, "this connector has no prices yet and cannot be used");
        }
        if (station.get().status() != StationStatus.OPERATIONAL) {
            throw Refusal.of(HttpStatus.CONFLICT, STATION_CLOSED, field, "the station is " + station.get().status()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!target.online()) {
            throw Refusal.of(HttpStatus.CONFLICT, CHARGER_OFFLINE, field, "the charger is offline");
        }
        if (!ConnectorFinder.STARTABLE.contains(target.status())) {
            String status = target.status() == null ? "UNKNOWN" : target.status().name();
            throw Refusal.of(HttpStatus.CONFLICT, CONNECTOR_NOT_AVAILABLE, field, "the connector is " + status
                    + ", not available", Map.of("status", status));
        }
    }
}
