package io.pylon.domain.driver;

import java.time.Instant;

/**
 * A driver's vehicle. A VIN lets the car start a session by itself (VIN start, 即插即充): it is kept as an
 * id token of kind VIN bound to the driver.
 *
 * @param plate licence plate as printed, e.g. 浙A12345
 * @param vin   17-character vehicle identification number, or null
 */
public record Vehicle(long id, long driverId, String plate, String vin, boolean isDefault, Instant createdAt) {}
