package io.pylon.server.me;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenFilter;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.auth.TokenKind;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqIdTokenRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * The driver's own RFID/IC cards. Binding needs both numbers of a card the operator issued: the logical number
 * printed on it and the physical number of its chip (the id tag a charger reads). The card must belong to the
 * driver's operator, be bound to no one, not be reported lost, and be usable (Accepted, not expired); any other
 * case answers the same 400, so the answer never tells whether a card exists elsewhere. A card reported lost is
 * blocked for good at once (Authorize and StartTransaction answer Blocked); unbinding keeps the card's status.
 */
@Tag(name = "Driver app")
@RestController
@RequestMapping("/api/v1/me/cards")
public class MeCardController {

    /** A card as its holder sees it: {@code physicalNumber} is the chip's number (the id tag chargers send). */
    public record CardView(String physicalNumber, String logicalNumber, IdTokenStatus status, Instant expiry, Instant lostAt) {
        static CardView of(IdToken t) {
            return new CardView(t.idTag(), t.logicalNumber(), t.status(), t.expiry(), t.lostAt());
        }
    }

    public record BindCard(@NotBlank @Size(max = 32) String logicalNumber, @NotBlank @Size(max = IdToken.MAX_LENGTH) String physicalNumber) {}

    /** More cards than anyone carries; the list is not paged. */
    static final int MAX_CARDS = 100;

    private final Me me;
    private final JooqIdTokenRepository tokens;
    private final AuditLog audit;
    private final Clock clock;

    public MeCardController(Me me, JooqIdTokenRepository tokens, AuditLog audit, Clock clock) {
        this.me = me;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "My cards")
    @GetMapping
    public List<CardView> list() {
        Driver driver = me.driver();
        return tokens.list(Me.scope(driver), new IdTokenFilter(null, driver.id(), TokenKind.RFID), new PageRequest(0, MAX_CARDS))
                .items().stream().map(CardView::of).toList();
    }

    @Operation(summary = "Bind a card by its printed (logical) and chip (physical) number",
            description = "201 when bound now, 200 when it was already mine; 400 (field physicalNumber) when no unbound, "
                    + "usable card of my operator has both numbers")
    @PostMapping
    public ResponseEntity<CardView> bind(@Valid @RequestBody BindCard r) {
        Driver driver = me.driver();
        Instant now = clock.instant();
        IdToken card = bindable(driver, r, now).orElseThrow(() -> new IllegalArgumentException(
                "physicalNumber: no unbound card of your operator has this logical and physical number"));
        if (Long.valueOf(driver.id()).equals(card.driverId())) return ResponseEntity.ok(CardView.of(card));
        if (!tokens.bindIfUnbound(card.idTag(), driver.id(), now)) {
            throw new IllegalArgumentException("physicalNumber: no unbound card of your operator has this logical and physical number");
        }
        IdToken bound = tokens.find(card.idTag()).orElseThrow();
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.UPDATE, "id_token", card.idTag(), card, bound);
        return ResponseEntity.status(HttpStatus.CREATED).body(CardView.of(bound));
    }

    @Operation(summary = "Report a card lost: blocked at once and for good")
    @PostMapping("/{idTag}/report-lost")
    public CardView reportLost(@PathVariable String idTag) {
        Driver driver = me.driver();
        IdToken card = own(driver, idTag);
        if (card.lostAt() != null) return CardView.of(card);
        Instant now = clock.instant();
        tokens.update(card.with(IdTokenStatus.BLOCKED, now, now));
        IdToken lost = tokens.find(idTag).orElseThrow();
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.UPDATE, "id_token", idTag, card, lost);
        return CardView.of(lost);
    }

    @Operation(summary = "Unbind a card from my account (it keeps its status; a lost card stays blocked)")
    @DeleteMapping("/{idTag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void unbind(@PathVariable String idTag) {
        Driver driver = me.driver();
        IdToken card = own(driver, idTag);
        IdToken unbound = card.boundTo(null, clock.instant());
        tokens.update(unbound);
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.UPDATE, "id_token", idTag, card, unbound);
    }

    /** One of the driver's own cards; anything else (another driver's, an app or VIN token) is not found. */
    private IdToken own(Driver driver, String idTag) {
        return tokens.find(idTag).filter(t -> t.kind() == TokenKind.RFID && Long.valueOf(driver.id()).equals(t.driverId())
                        && Long.valueOf(driver.operatorId()).equals(t.operatorId()))
                .orElseThrow(() -> new NoSuchElementException("Card " + idTag));
    }

    private Optional<IdToken> bindable(Driver driver, BindCard r, Instant now) {
        String physical = r.physicalNumber().strip();
        return tokens.find(physical).or(() -> tokens.find(physical.toUpperCase(Locale.ROOT)))
                .filter(t -> t.kind() == TokenKind.RFID && Long.valueOf(driver.operatorId()).equals(t.operatorId()))
                .filter(t -> t.logicalNumber() != null && t.logicalNumber().strip().equalsIgnoreCase(r.logicalNumber().strip()))
                .filter(t -> t.driverId() == null || t.driverId() == driver.id())
                .filter(t -> t.lostAt() == null && t.status() == IdTokenStatus.ACCEPTED
                        && (t.expiry() == null || t.expiry().isAfter(now)));
    }
}
