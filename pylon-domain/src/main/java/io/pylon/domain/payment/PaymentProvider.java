package io.pylon.domain.payment;

import java.util.Map;

/**
 * Port: a payment provider (WeChat Pay, Alipay, Stripe, a generic signed gateway) through which drivers top up
 * their wallets. The provider is told about a payment, the driver pays in their app, and the provider calls back.
 */
public interface PaymentProvider {

    /** The name callbacks are routed by (the {@code {provider}} of the callback URL); unique per deployment. */
    String name();

    /** Registers the payment with the provider and answers what the driver's app needs to pay it. */
    PaymentIntent createPayment(PaymentRequest request);

    /**
     * Checks a callback's authenticity and freshness and reads it. Headers are matched case-insensitively;
     * {@code body} is the raw request body, exactly as received.
     */
    CallbackVerification verifyCallback(Map<String, String> headers, byte[] body);
}
