package io.pylon.domain.tenant;

/**
 * How the platform is run.
 * <ul>
 *   <li>{@link #SINGLE}: one operator, created at first start; everything belongs to it.</li>
 *   <li>{@link #MULTI}: a platform with many operators (SaaS); platform admins create operators and
 *       assign newly connected chargers to them.</li>
 *   <li>{@link #SMALL_OWNER}: like {@link #MULTI}, but private pile owners (个人桩主) run their piles on one
 *       operator as station owners: a new charger goes to the default operator and owners see only their
 *       stations and their revenue share.</li>
 * </ul>
 */
public enum OperatingMode { SINGLE, MULTI, SMALL_OWNER }
