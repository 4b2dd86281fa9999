package io.pylon.server.ykc;

import io.pylon.ykc.message.BmsFrame;
import io.pylon.ykc.message.YkcMessage;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** 0x15…0x25: BMS data forwarded by DC piles, stored as sent with the session of its serial (if known). */
@Component("ykcBmsHandler")
public class BmsHandler implements YkcHandler {

    private final YkcTransactions transactions;
    private final YkcStore store;
    private final YkcClock clock;

    public BmsHandler(YkcTransactions transactions, YkcStore store, YkcClock clock) {
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Set<Integer> types() {
        return Arrays.stream(BmsFrame.Kind.values()).map(k -> k.type).collect(Collectors.toSet());
    }

    @Override
    public void handle(YkcConnection connection, int sequence, YkcMessage message) {
        BmsFrame bms = (BmsFrame) message;
        if (!Piles.ours(connection, bms.pile(), message.type())) return;
        Long session = transactions.of(connection.pile(), bms.transaction()).map(YkcStore.Transaction::sessionId).orElse(null);
        store.bmsFrame(connection.pile(), bms.gun(), bms.transaction(), session, bms.kind().name(), bms.dataHex(), clock.now());
    }
}
