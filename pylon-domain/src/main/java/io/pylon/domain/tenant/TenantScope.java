package io.pylon.domain.tenant;

import java.util.Set;

/**
 * Which data a caller may see: all operators, one operator, or some stations of one operator. Every
 * query that lists or finds tenant data takes one, so scoping is never left to the caller's memory.
 *
 * @param operatorId null = every operator (platform admin, regulator)
 * @param stationIds null = every station of the operator; otherwise only these (may be empty)
 */
public record TenantScope(Long operatorId, Set<Long> stationIds) {

    public TenantScope {
        if (operatorId == null && stationIds != null) {
            throw new IllegalArgumentException("station scope needs an operator");
        }
        stationIds = stationIds == null ? null : Set.copyOf(stationIds);
    }

    public static TenantScope platform() {
        return new TenantScope(null, null);
    }

    public static TenantScope operator(long operatorId) {
        return new TenantScope(operatorId, null);
    }

    public boolean isPlatform() {
        return operatorId == null;
    }

    /** Whether data owned by this operator (null = not yet assigned) and station (null = none) is visible. */
    public boolean includes(Long ownerOperatorId, Long stationId) {
        if (operatorId == null) {
            return true;
        }
        if (!operatorId.equals(ownerOperatorId)) {
            return false;
        }
        return stationIds == null || stationId != null && stationIds.contains(stationId);
    }

    /** Whether data of this operator as a whole (not of one station) is visible. */
    public boolean includesOperator(Long ownerOperatorId) {
        return operatorId == null || operatorId.equals(ownerOperatorId) && stationIds == null;
    }
}
