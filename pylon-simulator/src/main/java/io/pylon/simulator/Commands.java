package io.pylon.simulator;

import io.pylon.simulator.ocpp.OcppException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dispatches CSMS-initiated CALLs to the handlers of the Core, Firmware Management, Local Auth List Management,
 * Reservation, Smart Charging and Remote Trigger profiles. Handlers return the CALLRESULT payload and may add
 * follow-up work to {@code after}, which runs once the answer has been written.
 */
final class Commands {
    private final CoreCommands core;
    private final ManagementCommands management;
    private final SmartChargingCommands smart;

    Commands(SimulatedCharger charger) {
        this.core = new CoreCommands(charger);
        this.management = new ManagementCommands(charger);
        this.smart = new SmartChargingCommands(charger);
    }

    ObjectNode handle(String action, JsonNode p, List<Runnable> after) {
        return switch (action) {
            case "RemoteStartTransaction" -> core.remoteStart(p, after);
            case "RemoteStopTransaction" -> core.remoteStop(p, after);
            case "Reset" -> core.reset(p, after);
            case "UnlockConnector" -> core.unlock(p, after);
            case "ChangeAvailability" -> core.changeAvailability(p, after);
            case "GetConfiguration" -> core.getConfiguration(p);
            case "ChangeConfiguration" -> core.changeConfiguration(p, after);
            case "ClearCache" -> core.clearCache();
            case "DataTransfer" -> core.dataTransfer(p);
            case "TriggerMessage" -> core.trigger(p, after);
            case "SendLocalList" -> management.sendLocalList(p);
            case "GetLocalListVersion" -> management.getLocalListVersion();
            case "ReserveNow" -> management.reserveNow(p, after);
            case "CancelReservation" -> management.cancelReservation(p, after);
            case "UpdateFirmware" -> management.updateFirmware(p, after);
            case "GetDiagnostics" -> management.getDiagnostics(p, after);
            case "SetChargingProfile" -> smart.setChargingProfile(p);
            case "ClearChargingProfile" -> smart.clearChargingProfile(p);
            case "GetCompositeSchedule" -> smart.getCompositeSchedule(p);
            default -> throw new OcppException("NotImplemented", "action " + action + " is not implemented");
        };
    }
}
