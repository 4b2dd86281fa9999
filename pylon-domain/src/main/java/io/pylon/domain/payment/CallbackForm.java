package io.pylon.domain.payment;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a generic callback body: UTF-8 {@code key=value&...}, URL-encoded; see {@link HmacPaymentProvider}. */
final class CallbackForm {

    private CallbackForm() {}

    /** The notification in the body; empty when the body is not a well-formed callback. */
    static Optional<PaymentNotification> parse(byte[] body) {
        try {
            Map<String, String> f = fields(body);
            NotificationStatus status = NotificationStatus.valueOf(required(f, "status"));
            Currency currency = Currency.getInstance(required(f, "currency"));
            if (currency.getDefaultFractionDigits() < 0) return Optional.empty(); // XXX, XAU: no minor unit
            Money amount = new Money(new BigDecimal(required(f, "amount")), currency);
            if (!amount.isPositive()) return Optional.empty();
            String paidAt = f.get("paid_at");
            Instant paid = status == NotificationStatus.PAID || paidAt != null ? Instant.parse(required(f, "paid_at")) : null;
            return Optional.of(new PaymentNotification(required(f, "provider_reference"), required(f, "merchant_order_id"),
                    amount, status, paid));
        } catch (IllegalArgumentException | CharacterCodingException | java.time.format.DateTimeParseException e) {
            return Optional.empty(); // NumberFormatException and unknown enum/currency are IllegalArgumentExceptions
        }
    }

    private static Map<String, String> fields(byte[] body) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("not key=value: " + pair);
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (fields.put(key, value) != null) throw new IllegalArgumentException("repeated field " + key);
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("missing " + name);
        return value;
    }
}
