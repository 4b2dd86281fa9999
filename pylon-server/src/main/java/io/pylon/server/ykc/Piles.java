package io.pylon.server.ykc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks shared by the handlers. */
final class Piles {
    private static final Logger log = LoggerFactory.getLogger(Piles.class);

    private Piles() {}

    /** A pile code is 14 decimal digits. */
    static boolean valid(String pile) {
        return pile != null && pile.length() == 14 && pile.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * Whether a frame names the pile logged in on its connection. One that names another pile is logged and
     * skipped: a connection speaks for its own pile only.
     */
    static boolean ours(YkcConnection connection, String pileInFrame, int type) {
        if (connection.pile().equals(pileInFrame)) return true;
        log.info("Pile {}: 0x{} names pile {}; skipped", connection.pile(), Integer.toHexString(type), pileInFrame);
        return false;
    }
}
