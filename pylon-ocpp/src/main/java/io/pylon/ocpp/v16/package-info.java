/**
 * OCPP 1.6 message records for the CALLs a charge point sends, and their replies. Field names
 * and types follow the official JSON schemas; enumerations stay strings because the schema has
 * already checked them. Map with {@link io.pylon.ocpp.v16.Ocpp16Json}.
 */
package io.pylon.ocpp.v16;
