package io.pylon.domain.payment;

import java.util.Map;

/**
 * A payment registered with a provider: the provider's reference for it and the parameters the driver's app
 * needs to pay (a prepay id and signature, a checkout URL, a client secret ...), as plain strings.
 */
public record PaymentIntent(String providerReference, Map<String, String> clientParameters) {
    public PaymentIntent {
        clientParameters = Map.copyOf(clientParameters);
    }
}
