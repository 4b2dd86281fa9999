package io.pylon.domain.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic payment gateway that signs its callbacks with a secret shared with Pylon.
 *
 * <p>Callback headers: {@code Pylon-Timestamp} (epoch seconds) and {@code Pylon-Signature} = lowercase or
 * uppercase hex HMAC-SHA256, keyed with the shared secret, over the bytes of {@code timestamp + "." + body}.
 * Callbacks signed more than {@link #TOLERANCE} away from the clock are refused as stale.
 *
 * <p>Callback body: UTF-8 form {@code key=value&...}, URL-encoded, each field once, other fields ignored:
 * {@code merchant_order_id} (as in the intent), {@code provider_reference} (the gateway's id for the payment),
 * {@code amount} (decimal in major units at the currency's scale, e.g. {@code 50.00}), {@code currency} (ISO 4217),
 * {@code status} ({@code PAID} or {@code FAILED}), {@code paid_at} (ISO-8601 instant, required when PAID).
 *
 * <p>Its intent uses the merchant order id as provider reference and gives the app
 * {@code provider, merchantOrderId, amount, currency}, and {@code payUrl} when the gateway has a pay page: the
 * configured template with {@code {merchantOrderId}}, {@code {amount}} and {@code {currency}} replaced (URL-encoded).
 * The app shows that page as a link and a QR code, for the driver to pay there.
 */
public final class HmacPaymentProvider implements PaymentProvider {

    public static final String TIMESTAMP_HEADER = "Pylon-Timestamp";
    public static final String SIGNATURE_HEADER = "Pylon-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final String name;
    private final SecretKeySpec key;
    private final Clock clock;
    private final String payUrlTemplate;

    public HmacPaymentProvider(String name, byte[] sharedSecret, Clock clock) {
        this(name, sharedSecret, clock, null);
    }

    /** @param payUrlTemplate the gateway's pay page with placeholders (see the class comment); null or blank when the gateway has no pay page to link to */
    public HmacPaymentProvider(String name, byte[] sharedSecret, Clock clock, String payUrlTemplate) {
        this.name = Objects.requireNonNull(name, "name");
        this.payUrlTemplate = payUrlTemplate == null || payUrlTemplate.isBlank() ? null : payUrlTemplate.strip();
        if (sharedSecret.length < 16) throw new IllegalArgumentException("the shared secret needs at least 16 bytes");
        this.key = new SecretKeySpec(sharedSecret.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PaymentIntent createPayment(PaymentRequest request) {
        String amount = request.amount().amount().toPlainString();
        String currency = request.amount().currency().getCurrencyCode();
        Map<String, String> parameters = new java.util.TreeMap<>(Map.of("provider", name,
                "merchantOrderId", request.merchantOrderId(), "amount", amount, "currency", currency));
        if (payUrlTemplate != null) {
            parameters.put("payUrl", payUrlTemplate.replace("{merchantOrderId}", encode(request.merchantOrderId()))
                    .replace("{amount}", encode(amount)).replace("{currency}", encode(currency)));
        }
        return new PaymentIntent(request.merchantOrderId(), Map.copyOf(parameters));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public CallbackVerification verifyCallback(Map<String, String> headers, byte[] body) {
        String signature = header(headers, SIGNATURE_HEADER);
        if (signature == null) return rejected(CallbackVerification.Reason.BAD_SIGNATURE);
        String timestamp = header(headers, TIMESTAMP_HEADER);
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}")) return rejected(CallbackVerification.Reason.MALFORMED);
        if (!signatureMatches(timestamp, body, signature)) return rejected(CallbackVerification.Reason.BAD_SIGNATURE);
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > TOLERANCE.toSeconds()) return rejected(CallbackVerification.Reason.STALE_TIMESTAMP);
        return CallbackForm.parse(body).<CallbackVerification>map(CallbackVerification.Verified::new)
                .orElse(rejected(CallbackVerification.Reason.MALFORMED));
    }

    /** The signature of a callback: hex HMAC-SHA256 over {@code timestamp + "." + body} (what the gateway sends). */
    public String sign(String timestamp, byte[] body) {
        return HexFormat.of().formatHex(mac(timestamp, body));
    }

    private boolean signatureMatches(String timestamp, byte[] body, String signature) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(timestamp, body), given);
    }

    private byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static CallbackVerification rejected(CallbackVerification.Reason reason) {
        return new CallbackVerification.Rejected(reason);
    }
}
