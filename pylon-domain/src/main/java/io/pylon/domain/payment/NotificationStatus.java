package io.pylon.domain.payment;

/** What a provider's callback says happened to a payment. */
public enum NotificationStatus {
    PAID,
    FAILED
}
