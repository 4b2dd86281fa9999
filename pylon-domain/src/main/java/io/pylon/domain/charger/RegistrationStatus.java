package io.pylon.domain.charger;

/** Whether the platform accepts a charger's registration (its answer to a boot). */
public enum RegistrationStatus { ACCEPTED, PENDING, REJECTED }
