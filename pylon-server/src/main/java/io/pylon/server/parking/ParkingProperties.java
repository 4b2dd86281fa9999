package io.pylon.server.parking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Parking and camera events ({@code pylon.parking.*}).
 *
 * @param sweepInterval how often occupied bays are looked at: grace periods that ran out, vehicles parked too long,
 *                      idle fees still waiting for their order's bill or their wallet settlement
 * @param eventMaxAge   a camera event older than this is refused (a device replaying a backlog of weeks is broken)
 * @param eventMaxAhead a camera event dated further ahead of the platform's clock than this is refused (the device's
 *                      clock is wrong); generous, since bay states and idle fees follow the devices' own times
 */
@Validated
@ConfigurationProperties("pylon.parking")
public record ParkingProperties(@DefaultValue("30s") Duration sweepInterval,
                                @DefaultValue("30d") Duration eventMaxAge,
                                @DefaultValue("12h") Duration eventMaxAhead) {}
