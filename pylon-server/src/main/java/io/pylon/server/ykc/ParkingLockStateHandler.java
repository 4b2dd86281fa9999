package io.pylon.server.ykc;

import io.pylon.domain.charger.ChargerService;
import io.pylon.ykc.message.ParkingLock;
import io.pylon.ykc.message.YkcMessage;
import java.util.Set;
import org.springframework.stereotype.Component;

/** 0x61: a parking lock's state, kept in the charger's event log. */
@Component("ykcParkingLockStateHandler")
public class ParkingLockStateHandler implements YkcHandler {

    private final ChargerService chargers;
    private final YkcClock clock;

    public ParkingLockStateHandler(ChargerService chargers, YkcClock clock) {
        this.chargers = chargers;
        this.clock = clock;
    }

    @Override
    public Set<Integer> types() {
        return Set.of(ParkingLock.STATE);
    }

    @Override
    public void handle(YkcConnection connection, int sequence, YkcMessage message) {
        ParkingLock.State s = (ParkingLock.State) message;
        if (!Piles.ours(connection, s.pile(), message.type())) return;
        String lock = switch (s.lock()) {
            case ParkingLock.RAISED -> "raised";
            case ParkingLock.LOWERED -> "lowered";
            default -> "unknown";
        };
        chargers.event(connection.pile(), "ParkingLock", "gun " + s.gun() + ": lock " + lock + ", bay "
                + (s.occupied() ? "occupied" : "free") + ", battery " + s.battery() + "%, alarm " + s.alarm(), clock.now());
    }
}
