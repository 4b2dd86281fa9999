package io.pylon.server.ykc;

import io.pylon.ykc.codec.YkcFrame;
import io.pylon.ykc.message.CardBalance;
import io.pylon.ykc.message.ClockSync;
import io.pylon.ykc.message.FirmwareUpdate;
import io.pylon.ykc.message.BillingModel;
import io.pylon.ykc.message.Login;
import io.pylon.ykc.message.MalformedBodyException;
import io.pylon.ykc.message.OfflineCards;
import io.pylon.ykc.message.ParallelCharging;
import io.pylon.ykc.message.ParkingLock;
import io.pylon.ykc.message.RemoteReboot;
import io.pylon.ykc.message.RemoteStart;
import io.pylon.ykc.message.RemoteStop;
import io.pylon.ykc.message.Unknown;
import io.pylon.ykc.message.WorkParameters;
import io.pylon.ykc.message.YkcMessage;
import io.pylon.ykc.message.YkcMessages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Routes a pile's frames: decoded on the event loop (a malformed body is logged and skipped), then handled on
 * the connection's serial executor — answers to the platform's commands go to the command waiting for them,
 * everything else to the {@link YkcHandler} of its type. Until the pile has logged in only a login is handled;
 * a pile that keeps sending other frames first is disconnected.
 */
@Component
public class YkcDispatcher {

    private static final Logger log = LoggerFactory.getLogger(YkcDispatcher.class);
    /** Frames other than a login accepted (and skipped) before the connection is closed. */
    static final int MAX_FRAMES_BEFORE_LOGIN = 3;
    /** Frame types that answer a command of the platform. */
    static final Set<Integer> ANSWERS = Set.of(RemoteStart.REPLY, RemoteStop.REPLY, CardBalance.REPLY,
            OfflineCards.SYNC_REPLY, OfflineCards.CLEAR_REPLY, OfflineCards.QUERY_REPLY, WorkParameters.REPLY,
            ClockSync.REPLY, BillingModel.PUSH_REPLY, ParkingLock.REPLY, RemoteReboot.REPLY, FirmwareUpdate.REPLY,
            ParallelCharging.REMOTE_START_REPLY);

    private final Map<Integer, YkcHandler> handlers = new HashMap<>();

    public YkcDispatcher(List<YkcHandler> all) {
        for (YkcHandler handler : all) {
            for (int type : handler.types()) {
                if (handlers.put(type, handler) != null) {
                    throw new IllegalStateException("two handlers for YKC type 0x" + Integer.toHexString(type));
                }
            }
        }
    }

    /** Called on the event loop for every frame that passed the CRC. */
    void onFrame(YkcConnection connection, YkcFrame frame) {
        YkcMessage message;
        try {
            message = YkcMessages.decode(frame);
        } catch (MalformedBodyException e) {
            log.info("Pile {} ({}): malformed 0x{} skipped: {}", connection.pile(), connection.channel().remoteAddress(),
                    Integer.toHexString(frame.type()), e.getMessage());
            return;
        }
        connection.inbound().execute(() -> handle(connection, frame.sequence(), message));
    }

    private void handle(YkcConnection connection, int sequence, YkcMessage message) {
        if (connection.pile() == null && message.type() != Login.REQUEST) {
            int count = connection.frameBeforeLogin();
            log.info("{}: 0x{} before login skipped", connection.channel().remoteAddress(), Integer.toHexString(message.type()));
            if (count >= MAX_FRAMES_BEFORE_LOGIN) {
                log.info("{}: no login after {} frames, closing", connection.channel().remoteAddress(), count);
                connection.close();
            }
            return;
        }
        if (ANSWERS.contains(message.type())) {
            if (!connection.answer(message)) {
                log.debug("Pile {}: answer 0x{} nobody waited for", connection.pile(), Integer.toHexString(message.type()));
            }
            return;
        }
        YkcHandler handler = handlers.get(message.type());
        if (handler == null) {
            log.info("Pile {}: 0x{} is not a frame a pile sends{}; skipped", connection.pile(),
                    Integer.toHexString(message.type()), message instanceof Unknown ? " (unknown type)" : "");
            return;
        }
        try {
            handler.handle(connection, sequence, message);
        } catch (RuntimeException e) {
            log.error("Pile {}: handling 0x{} failed", connection.pile(), Integer.toHexString(message.type()), e);
        }
    }
}
