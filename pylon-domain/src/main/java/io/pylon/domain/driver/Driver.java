package io.pylon.domain.driver;

import java.time.Instant;

/**
 * A driver with an account at one operator (phone or e-mail, at least one). Their wallet, cards and
 * vehicles belong to that operator.
 */
public record Driver(long id, long operatorId, String phone, String email, String name, DriverStatus status,
                     Instant createdAt) {}
