package io.pylon.server.api;

import io.pylon.domain.tenant.Role;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.security.Callers;
import io.pylon.server.security.UserAccounts;
import io.pylon.server.security.UserAccounts.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Users", description = "People who run the platform, their roles and stations")
@Validated
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAuthority('PERM_USERS_MANAGE')")
public class UserController {

    public record CreateUser(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and ._@- only") String username,
                             @NotBlank @Size(min = 10, max = 128) String password, @NotNull Role role,
                             Long operatorId, Long organisationId, @Size(max = 100) String displayName,
                             List<Long> stationIds) {}

    public record UpdateUser(@NotNull Role role, Long organisationId, @Size(max = 100) String displayName, Boolean enabled,
                             @Size(min = 10, max = 128) String password, List<Long> stationIds) {}

    private final UserAccounts accounts;
    private final Callers callers;
    private final ActingOperator acting;
    private final JooqOperators operators;
    private final JooqStations stations;
    private final AuditLog audit;

    public UserController(UserAccounts accounts, Callers callers, ActingOperator acting, JooqOperators operators,
                          JooqStations stations, AuditLog audit) {
        this.accounts = accounts;
        this.callers = callers;
        this.acting = acting;
        this.operators = operators;
        this.stations = stations;
        this.audit = audit;
    }

    @Operation(summary = "People of the caller's operator (all people for platform admins)")
    @GetMapping
    public List<Account> list() {
        return accounts.list(callers.current().operatorId());
    }

    @GetMapping("/{username}")
    public Account get(@PathVariable String username) {
        var caller = callers.current();
        return accounts.find(username).filter(a -> caller.operatorId() == null || caller.operatorId().equals(a.operatorId()))
                .orElseThrow(() -> new NoSuchElementException("User " + username));
    }

    @Operation(summary = "Create a person with a role; nobody grants more than they have")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public Account create(@Valid @RequestBody CreateUser r) {
        var caller = callers.current();
        if (!caller.role().mayGrant(r.role())) throw new AccessDeniedException("role " + r.role());
        Long operatorId = r.role().allOperators() ? null : acting.resolve(r.operatorId());
        checkOrganisation(operatorId, r.organisationId());
        if (!accounts.create(r.username(), r.password(), r.role(), operatorId, r.organisationId(), r.displayName())) {
            throw new ConflictException("User " + r.username() + " exists");
        }
        assign(r.username(), operatorId, r.stationIds());
        Account created = accounts.find(r.username()).orElseThrow();
        audit.record(caller.username(), operatorId, AuditLog.Action.CREATE, "user", r.username(), null, created);
        return created;
    }

    @Operation(summary = "Change a person's role, organisation, name, stations, password, or disable them")
    @PutMapping("/{username}")
    @Transactional
    public Account update(@PathVariable String username, @Valid @RequestBody UpdateUser r) {
        var caller = callers.current();
        Account before = get(username);
        if (!caller.role().mayGrant(r.role()) || !caller.role().mayGrant(before.role())) {
            throw new AccessDeniedException("role " + r.role());
        }
        if (r.role().allOperators() != before.role().allOperators()) {
            throw new IllegalArgumentException("role: cannot move between platform-wide and operator roles");
        }
        if (username.equals(caller.username()) && (Boolean.FALSE.equals(r.enabled()) || r.role() != before.role())) {
            throw new IllegalArgumentException("enabled: you cannot disable yourself or change your own role");
        }
        checkOrganisation(before.operatorId(), r.organisationId());
        accounts.update(username, r.role(), r.organisationId(), r.displayName(),
                r.enabled() == null ? before.enabled() : r.enabled(), r.password());
        if (r.stationIds() != null) assign(username, before.operatorId(), r.stationIds());
        Account after = accounts.find(username).orElseThrow();
        audit.record(caller.username(), before.operatorId(), AuditLog.Action.UPDATE, "user", username, before, after);
        return after;
    }

    private void assign(String username, Long operatorId, List<Long> stationIds) {
        if (stationIds == null) return;
        for (Long id : stationIds) {
            boolean ours = operatorId != null && stations.find(io.pylon.domain.tenant.TenantScope.operator(operatorId), id).isPresent();
            if (!ours) throw new IllegalArgumentException("stationIds: no station " + id + " at this operator");
        }
        accounts.assignStations(username, stationIds);
    }

    private void checkOrganisation(Long operatorId, Long organisationId) {
        if (organisationId == null) return;
        boolean ours = operatorId != null && operators.findOrganisation(organisationId)
                .map(o -> o.operatorId() == operatorId).orElse(false);
        if (!ours) throw new IllegalArgumentException("organisationId: no organisation " + organisationId + " at this operator");
    }
}
