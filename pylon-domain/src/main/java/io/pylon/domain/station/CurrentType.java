package io.pylon.domain.station;

/** Whether a charger delivers alternating (交流桩) or direct current (直流桩). */
public enum CurrentType { AC, DC }
