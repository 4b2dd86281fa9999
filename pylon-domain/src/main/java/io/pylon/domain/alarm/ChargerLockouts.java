package io.pylon.domain.alarm;

/** Port: whether an alarm has locked a charger out (every start is refused until a person clears it). */
@FunctionalInterface
public interface ChargerLockouts {

    boolean lockedOut(String chargerId);

    ChargerLockouts NONE = chargerId -> false;
}
