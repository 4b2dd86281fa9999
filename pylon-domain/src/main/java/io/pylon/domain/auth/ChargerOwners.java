package io.pylon.domain.auth;

/** Port: which operator a charger belongs to (null = not assigned), read on every authorisation so cached. */
public interface ChargerOwners {
    Long operatorOf(String chargerId);
}
