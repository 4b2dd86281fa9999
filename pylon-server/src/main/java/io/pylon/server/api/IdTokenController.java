package io.pylon.server.api;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenFilter;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.auth.TokenKind;
import io.pylon.domain.common.PageRequest;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqDrivers;
import io.pylon.server.persistence.Tenancy;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Id tokens", description = "RFID/IC cards, app tokens and vehicle VINs that may start sessions")
@Validated
@RestController
@RequestMapping("/api/v1/id-tokens")
public class IdTokenController {

    /**
     * A new token. For a card, {@code idTag} is the chip's physical number and {@code logicalNumber} the
     * number printed on it. {@code operatorId} is for platform admins; others create in their own operator.
     */
    public record CreateIdToken(@NotBlank @Size(max = IdToken.MAX_LENGTH) String idTag, IdTokenStatus status, Instant expiry,
                                @Size(max = IdToken.MAX_LENGTH) String parentIdTag, @Size(max = 200) String description,
                                TokenKind kind, @Size(max = 32) String logicalNumber, Long driverId, Long operatorId) {}

    public record UpdateIdToken(@NotNull IdTokenStatus status, Instant expiry,
                                @Size(max = IdToken.MAX_LENGTH) String parentIdTag, @Size(max = 200) String description) {}

    /** Binds a token to a driver, or unbinds it with a null driver. */
    public record Binding(Long driverId) {}

    private final IdTokenRepository tokens;
    private final Clock clock;
    private final Callers callers;
    private final JooqDrivers drivers;
    private final Tenancy tenancy;
    private final AuditLog audit;

    public IdTokenController(IdTokenRepository tokens, Clock clock, Callers callers, JooqDrivers drivers, Tenancy tenancy,
                             AuditLog audit) {
        this.tokens = tokens;
        this.clock = clock;
        this.callers = callers;
        this.drivers = drivers;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    @Operation(summary = "List id tokens", description = "Filter by status, driver or kind")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_DRIVERS_READ')")
    public PageResponse<IdToken> list(@RequestParam(required = false) IdTokenStatus status,
                                      @RequestParam(required = false) Long driverId,
                                      @RequestParam(required = false) TokenKind kind,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(tokens.list(callers.scope(), new IdTokenFilter(status, driverId, kind),
                new PageRequest(page, size)), t -> t);
    }

    @GetMapping("/{idTag}")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_READ')")
    public IdToken get(@PathVariable String idTag) {
        var scope = callers.scope();
        return tokens.find(idTag).filter(t -> scope.isPlatform() || scope.includesOperator(t.operatorId()))
                .orElseThrow(() -> new NoSuchElementException("Id token " + idTag));
    }

    @Operation(summary = "Create an id token or card (status Accepted unless given)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    public IdToken create(@Valid @RequestBody CreateIdToken request) {
        checkParent(request.idTag(), request.parentIdTag());
        var caller = callers.current();
        Long operatorId = caller.operatorId() != null ? caller.operatorId()
                : request.operatorId() != null ? request.operatorId() : tenancy.defaultOperatorId();
        if (request.driverId() != null) checkDriver(operatorId, request.driverId());
        Instant now = clock.instant();
        IdToken token = new IdToken(request.idTag(), request.status() == null ? IdTokenStatus.ACCEPTED : request.status(),
                request.expiry(), request.parentIdTag(), request.description(), now, now, operatorId, request.driverId(),
                request.kind(), request.logicalNumber(), null, false);
        if (!tokens.insert(token)) throw new ConflictException("Id token " + request.idTag() + " already exists");
        audit.record(caller.username(), operatorId, AuditLog.Action.CREATE, "id_token", token.idTag(), null, token);
        return token;
    }

    @Operation(summary = "Change status, expiry, parent or description of an id token")
    @PutMapping("/{idTag}")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    public IdToken update(@PathVariable String idTag, @Valid @RequestBody UpdateIdToken request) {
        IdToken current = get(idTag);
        checkParent(idTag, request.parentIdTag());
        IdToken updated = new IdToken(idTag, request.status(), request.expiry(), request.parentIdTag(),
                request.description(), current.createdAt(), clock.instant(), current.operatorId(), current.driverId(),
                current.kind(), current.logicalNumber(), current.lostAt(), current.driverBlocked());
        return save(current, updated);
    }

    @Operation(summary = "Block a card or token: it answers Blocked at every charger")
    @PostMapping("/{idTag}/block")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    public IdToken block(@PathVariable String idTag) {
        IdToken current = get(idTag);
        return save(current, current.with(IdTokenStatus.BLOCKED, current.lostAt(), clock.instant()));
    }

    @Operation(summary = "Unblock a card or token (a card reported lost stays blocked)")
    @PostMapping("/{idTag}/unblock")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    public IdToken unblock(@PathVariable String idTag) {
        IdToken current = get(idTag);
        if (current.lostAt() != null) throw new ConflictException("Id token " + idTag + " was reported lost; issue a new card");
        return save(current, current.with(IdTokenStatus.ACCEPTED, null, clock.instant()));
    }

    @Operation(summary = "Report a card lost: it is blocked for good")
    @PostMapping("/{idTag}/report-lost")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    public IdToken reportLost(@PathVariable String idTag) {
        IdToken current = get(idTag);
        Instant now = clock.instant();
        return save(current, current.with(IdTokenStatus.BLOCKED, current.lostAt() == null ? now : current.lostAt(), now));
    }

    @Operation(summary = "Bind a card or token to a driver (null driver = unbind)")
    @PutMapping("/{idTag}/driver")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    public IdToken bind(@PathVariable String idTag, @RequestBody Binding binding) {
        IdToken current = get(idTag);
        if (binding.driverId() != null) checkDriver(current.operatorId(), binding.driverId());
        return save(current, current.boundTo(binding.driverId(), clock.instant()));
    }

    @DeleteMapping("/{idTag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    public void delete(@PathVariable String idTag) {
        IdToken current = get(idTag);
        if (!tokens.delete(idTag)) throw new NoSuchElementException("Id token " + idTag);
        audit.record(callers.current().username(), current.operatorId(), AuditLog.Action.DELETE, "id_token", idTag, current, null);
    }

    private IdToken save(IdToken before, IdToken after) {
        tokens.update(after);
        IdToken stored = tokens.find(after.idTag()).orElseThrow();
        audit.record(callers.current().username(), stored.operatorId(), AuditLog.Action.UPDATE, "id_token", stored.idTag(),
                before, stored);
        return stored;
    }

    private void checkDriver(Long operatorId, long driverId) {
        var driver = drivers.find(callers.scope(), driverId)
                .orElseThrow(() -> new IllegalArgumentException("driverId: no driver " + driverId));
        if (!Long.valueOf(driver.operatorId()).equals(operatorId)) {
            throw new IllegalArgumentException("driverId: driver " + driverId + " belongs to another operator");
        }
    }

    private static void checkParent(String idTag, String parent) {
        if (idTag.equals(parent)) throw new IllegalArgumentException("parentIdTag: a token cannot be its own parent");
    }
}
