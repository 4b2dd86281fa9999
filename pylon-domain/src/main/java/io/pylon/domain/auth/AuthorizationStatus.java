package io.pylon.domain.auth;

/** The answer to "may this id token charge?" (OCPP 1.6 AuthorizationStatus). */
public enum AuthorizationStatus { ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT_TX }
