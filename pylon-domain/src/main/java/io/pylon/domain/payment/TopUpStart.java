package io.pylon.domain.payment;

/** The answer to starting a top-up: the payment and what the driver's app needs, or why not. */
public sealed interface TopUpStart {

    record Started(PaymentRecord payment, PaymentIntent intent) implements TopUpStart {}

    record Rejected(Reason reason) implements TopUpStart {}

    enum Reason {
        /** No provider of that name is configured. */
        UNKNOWN_PROVIDER
    }
}
