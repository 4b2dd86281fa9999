package io.pylon.domain.charger;

/** Port: one-way hashing of secrets (charger passwords); the adapter picks the algorithm. */
public interface PasswordHasher {
    String hash(String secret);

    boolean matches(String secret, String hash);
}
