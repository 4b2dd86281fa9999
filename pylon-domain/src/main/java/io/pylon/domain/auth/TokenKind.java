package io.pylon.domain.auth;

/** RFID = RFID/IC card; APP = token issued to the driver app (QR / connector-code start); VIN = vehicle VIN start. */
public enum TokenKind { RFID, APP, VIN }
