package io.pylon.server.ykc;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.CommandFailure;
import io.pylon.domain.command.CommandService;
import io.pylon.domain.ledger.WalletListener;
import io.pylon.domain.ledger.WalletService;
import io.pylon.server.config.PylonProperties;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the balance a pile shows for a card true: when a driver's wallet changes (top-up, a session settled or its
 * hold released, a refund, a payout), every pile of the operator where one of the driver's cards started a
 * transaction within {@code pylon.ykc.card-balance-window} is sent the card's new balance (0x42) — so the pile that
 * just closed a card session shows what is left. Sent after the change commits, through the command router (a pile
 * connected to another node gets it there); a pile that is offline is skipped.
 */
@Component
public class YkcBalancePush implements WalletListener {

    private static final Logger log = LoggerFactory.getLogger(YkcBalancePush.class);
    private final YkcStore store;
    private final CommandService commands;
    private final YkcClock clock;
    private final Duration window;

    public YkcBalancePush(YkcStore store, CommandService commands, YkcClock clock, PylonProperties properties,
                          WalletService wallets) {
        this.store = store;
        this.commands = commands;
        this.clock = clock;
        this.window = properties.ykc().cardBalanceWindow();
        wallets.listen(this);
    }

    @Override
    public void changed(long operatorId, long driverId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    push(operatorId, driverId);
                }
            });
        } else {
            push(operatorId, driverId);
        }
    }

    /** Sends each pile where the driver's cards were used lately the balance of each such card; answers how many. */
    int push(long operatorId, long driverId) {
        List<YkcStore.CardUse> uses;
        try {
            uses = store.cardUses(operatorId, driverId, clock.now().minus(window));
        } catch (RuntimeException e) {
            log.warn("Card balances of driver {} not pushed: {}", driverId, e.toString());
            return 0;
        }
        int sent = 0;
        for (YkcStore.CardUse use : uses) {
            if (YkcCards.physicalCard(use.idTag()).chars().allMatch(c -> c == '0')) continue; // a VIN, not a card
            sent++;
            commands.send(use.chargerId(), new ChargerCommand.CardBalance(use.idTag(), use.connectorId()))
                    .whenComplete((result, error) -> {
                        if (error == null) {
                            log.debug("Pile {}: card {} balance sent: {}", use.chargerId(), use.idTag(), result);
                        } else if (!(unwrap(error) instanceof CommandFailure f && f.kind() == CommandFailure.Kind.OFFLINE)) {
                            log.info("Pile {}: card {} balance not sent: {}", use.chargerId(), use.idTag(), unwrap(error).toString());
                        }
                    });
        }
        return sent;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
