package io.pylon.server.ykc;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.charger.Charger;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.order.BillingContext;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Id tokens in YKC terms. A physical card (8 bytes, big-endian, zero-padded) is the id tag of its hex digits
 * without the leading zero bytes ({@code 00000000DEADBEEF} → {@code DEADBEEF}); a VIN is its own id tag (ADR
 * 0006); the logical card number sent with a start is the token's printed number when it has 16 digits or fewer;
 * the balance is the driver's available wallet money at the pile's operator.
 */
@Component
public class YkcCards {

    private static final String NO_CARD = "0000000000000000";
    private final IdTokenRepository tokens;
    private final ChargerRepository chargers;
    private final WalletService wallets;
    private final BillingContext.Source contexts;

    public YkcCards(IdTokenRepository tokens, ChargerRepository chargers, WalletService wallets, BillingContext.Source contexts) {
        this.tokens = tokens;
        this.chargers = chargers;
        this.wallets = wallets;
        this.contexts = contexts;
    }

    /** The id tag of a physical card, empty for an all-zero card. */
    public static Optional<String> idTag(String physicalCardHex) {
        String tag = physicalCardHex.toUpperCase();
        while (tag.length() > 2 && tag.startsWith("00")) tag = tag.substring(2);
        return tag.equals("00") || tag.isEmpty() ? Optional.empty() : Optional.of(tag);
    }

    /** The 8-byte physical card field for an id tag that is a card's hex digits, else zeros. */
    public static String physicalCard(String idTag) {
        return idTag.length() <= 16 && idTag.matches("[0-9A-Fa-f]+") ? idTag.toUpperCase() : NO_CARD;
    }

    /** The logical card number field: the token's printed number if it fits, else its id tag if numeric, else zeros. */
    public String logicalCard(String idTag) {
        String logical = tokens.find(idTag).map(IdToken::logicalNumber).orElse(null);
        if (logical != null && logical.matches("\\d{1,16}")) return logical;
        return idTag.matches("\\d{1,16}") ? idTag : NO_CARD;
    }

    /** The driver's available money for a start at this pile (0 for an anonymous card). */
    public BigDecimal balance(String pile, String idTag) {
        Optional<IdToken> token = tokens.find(idTag);
        Charger charger = chargers.find(pile).orElse(null);
        if (token.isEmpty() || token.get().driverId() == null || charger == null || charger.operatorId() == null) {
            return BigDecimal.ZERO;
        }
        var currency = contexts.of(pile, charger.stationId(), charger.operatorId()).currency();
        BigDecimal available = wallets.balance(charger.operatorId(), token.get().driverId(), currency).available().amount();
        return available.signum() < 0 ? BigDecimal.ZERO : available.setScale(2, java.math.RoundingMode.DOWN);
    }
}
