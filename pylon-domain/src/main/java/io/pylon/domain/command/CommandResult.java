package io.pylon.domain.command;

import java.util.Map;

/**
 * A charger's answer to a command.
 *
 * @param status the charger's status word (Accepted, Rejected, NotSupported, Unlocked, ...)
 * @param data   everything else the answer carried (configuration keys, a schedule, a file name), as plain values
 */
public record CommandResult(String status, Map<String, Object> data) {
    public boolean accepted() {
        return "Accepted".equals(status);
    }
}
