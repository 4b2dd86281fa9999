package io.pylon.server.me;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why the driver app refused a request, as problem+json: {@code detail} starts with the field it is about (like
 * every validation error), {@code errors} names it, and {@code reason} is a stable code the app can switch on.
 */
final class Refusal {

    private Refusal() {}

    /** Stable reason codes of refused starts, stops, coupon claims and coupon choices. */
    enum Reason {
        CONNECTOR_NOT_AVAILABLE, CHARGER_OFFLINE, CHARGER_REJECTED, CHARGER_NOT_ANSWERING, STATION_CLOSED, NO_TARIFF,
        INSUFFICIENT_BALANCE, ACTIVE_SESSION, TOKEN_BLOCKED, SESSION_NOT_ACTIVE, NOT_BILLED,
        CAMPAIGN_ENDED, CAMPAIGN_EXPIRED, NOT_CLAIMABLE, TOTAL_LIMIT_REACHED, DRIVER_LIMIT_REACHED, UNKNOWN_COUPON,
        COUPON_NOT_AVAILABLE
    }

    static ErrorResponseException of(HttpStatus status, Reason reason, String field, String message) {
        return of(status, reason, field, message, Map.of());
    }

    static ErrorResponseException of(HttpStatus status, Reason reason, String field, String message,
                                     Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field + ": " + message);
        problem.setTitle(title(reason));
        problem.setProperty("reason", reason.name());
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        properties.forEach(problem::setProperty);
        return new ErrorResponseException(status, problem, null);
    }

    private static String title(Reason reason) {
        return switch (reason) {
            case CONNECTOR_NOT_AVAILABLE -> "Connector not available";
            case CHARGER_OFFLINE -> "Charger offline";
            case CHARGER_REJECTED -> "Charger refused";
            case CHARGER_NOT_ANSWERING -> "Charger did not answer";
            case STATION_CLOSED -> "Station closed";
            case NO_TARIFF -> "No prices at this station";
            case INSUFFICIENT_BALANCE -> "Insufficient balance";
            case ACTIVE_SESSION -> "A session is already running";
            case TOKEN_BLOCKED -> "Charging blocked";
            case SESSION_NOT_ACTIVE -> "Session not active";
            case NOT_BILLED -> "Not billed yet";
            case CAMPAIGN_ENDED -> "Campaign ended";
            case CAMPAIGN_EXPIRED -> "Campaign over";
            case NOT_CLAIMABLE -> "Not claimable";
            case TOTAL_LIMIT_REACHED -> "All coupons given out";
            case DRIVER_LIMIT_REACHED -> "Coupon limit reached";
            case UNKNOWN_COUPON -> "Unknown coupon";
            case COUPON_NOT_AVAILABLE -> "Coupon used or expired";
        };
    }
}
