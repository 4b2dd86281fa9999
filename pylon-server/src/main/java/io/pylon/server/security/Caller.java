package io.pylon.server.security;

import io.pylon.domain.tenant.Permission;
import io.pylon.domain.tenant.Role;

/**
 * The person behind an API call, read from their token.
 *
 * @param operatorId     their operator; null for platform admins and regulators
 * @param organisationId their agent / station-owner organisation, if any
 * @param driverId       set for drivers only
 */
public record Caller(String username, Role role, Long operatorId, Long organisationId, Long driverId) {

    public boolean can(Permission permission) {
        return role.can(permission);
    }
}
