package io.pylon.domain.station;

/** The plug standard of a connector (gun). GB/T is the Chinese national standard (国标), AC or DC. */
public enum ConnectorStandard { GBT_AC, GBT_DC, CCS1, CCS2, TYPE1, TYPE2, CHADEMO, NACS }
