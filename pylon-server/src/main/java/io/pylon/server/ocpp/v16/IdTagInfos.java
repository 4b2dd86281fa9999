package io.pylon.server.ocpp.v16;

import io.pylon.domain.auth.Authorization;
import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.ocpp.v16.IdTagInfo;

/** Domain authorisations as OCPP 1.6 IdTagInfo. */
public final class IdTagInfos {
    private IdTagInfos() {}

    public static IdTagInfo of(Authorization a) {
        return new IdTagInfo(status(a.status()), a.expiry(), a.parentIdTag());
    }

    public static String status(AuthorizationStatus status) {
        return switch (status) {
            case ACCEPTED -> "Accepted";
            case BLOCKED -> "Blocked";
            case EXPIRED -> "Expired";
            case INVALID -> "Invalid";
            case CONCURRENT_TX -> "ConcurrentTx";
        };
    }
}
