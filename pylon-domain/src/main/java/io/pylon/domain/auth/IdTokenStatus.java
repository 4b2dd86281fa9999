package io.pylon.domain.auth;

/** Status an operator gives an id token (RFID card, app token). */
public enum IdTokenStatus { ACCEPTED, BLOCKED, EXPIRED, INVALID }
