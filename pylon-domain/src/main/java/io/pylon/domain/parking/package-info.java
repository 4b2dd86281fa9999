/**
 * Parking and occupancy of charging bays (车位): the state of a bay per connector from licence-plate reads and
 * connector status ({@link io.pylon.domain.parking.BayMachine}), the idle (occupancy, 占位) fee after charging
 * finished ({@link io.pylon.domain.parking.BayIdleFee}), which plates count as electric vehicles
 * ({@link io.pylon.domain.parking.PlateRule}: green NEV plates in China, configurable per station) and the
 * rules for parking locks and barrier gates ({@link io.pylon.domain.parking.AccessPolicy}). Pure rules with
 * explicit time: callers pass the instants, nothing here reads a clock.
 */
package io.pylon.domain.parking;
