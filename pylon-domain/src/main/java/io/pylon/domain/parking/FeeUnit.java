package io.pylon.domain.parking;

/** How an idle fee is priced: per whole minute, or per started hour. */
public enum FeeUnit { MINUTE, HOUR }
