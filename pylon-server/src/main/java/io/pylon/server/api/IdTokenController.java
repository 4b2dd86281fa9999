package io.pylon.server.api;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.common.PageRequest;
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
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Id tokens", description = "RFID cards and app tokens that may start sessions")
@Validated
@RestController
@RequestMapping("/api/v1/id-tokens")
public class IdTokenController {

    public record CreateIdToken(@NotBlank @Size(max = IdToken.MAX_LENGTH) String idTag, IdTokenStatus status, Instant expiry,
                                @Size(max = IdToken.MAX_LENGTH) String parentIdTag, @Size(max = 200) String description) {}

    public record UpdateIdToken(@NotNull IdTokenStatus status, Instant expiry,
                                @Size(max = IdToken.MAX_LENGTH) String parentIdTag, @Size(max = 200) String description) {}

    private final IdTokenRepository tokens;
    private final Clock clock;

    public IdTokenController(IdTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Operation(summary = "List id tokens")
    @GetMapping
    public PageResponse<IdToken> list(@RequestParam(required = false) IdTokenStatus status,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(tokens.list(status, new PageRequest(page, size)), t -> t);
    }

    @GetMapping("/{idTag}")
    public IdToken get(@PathVariable String idTag) {
        return tokens.find(idTag).orElseThrow(() -> new NoSuchElementException("Id token " + idTag));
    }

    @Operation(summary = "Create an id token (status Accepted unless given)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public IdToken create(@Valid @RequestBody CreateIdToken request) {
        checkParent(request.idTag(), request.parentIdTag());
        Instant now = clock.instant();
        IdToken token = new IdToken(request.idTag(), request.status() == null ? IdTokenStatus.ACCEPTED : request.status(),
                request.expiry(), request.parentIdTag(), request.description(), now, now);
        if (!tokens.insert(token)) throw new ConflictException("Id token " + request.idTag() + " already exists");
        return token;
    }

    @Operation(summary = "Change status, expiry, parent or description of an id token")
    @PutMapping("/{idTag}")
    public IdToken update(@PathVariable String idTag, @Valid @RequestBody UpdateIdToken request) {
        IdToken current = get(idTag);
        checkParent(idTag, request.parentIdTag());
        IdToken updated = new IdToken(idTag, request.status(), request.expiry(), request.parentIdTag(),
                request.description(), current.createdAt(), clock.instant());
        tokens.update(updated);
        return updated;
    }

    @DeleteMapping("/{idTag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String idTag) {
        if (!tokens.delete(idTag)) throw new NoSuchElementException("Id token " + idTag);
    }

    private static void checkParent(String idTag, String parent) {
        if (idTag.equals(parent)) throw new IllegalArgumentException("parentIdTag: a token cannot be its own parent");
    }
}
