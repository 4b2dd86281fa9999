package io.pylon.server.security;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.domain.tenant.Role;
import io.pylon.domain.tenant.TenantScope;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who is calling and what they may see. Every controller that reads or changes tenant data asks for
 * {@link #scope()} and passes it to the query, so no endpoint can forget to scope.
 */
@Component
public class Callers {

    static final String OPERATOR_CLAIM = "op";
    static final String ORGANISATION_CLAIM = "org";
    static final String DRIVER_CLAIM = "drv";

    private final DSLContext db;

    public Callers(DSLContext db) {
        this.db = db;
    }

    public Caller current() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new AccessDeniedException("Not signed in");
        }
        var jwt = token.getToken();
        var roles = jwt.getClaimAsStringList("roles");
        Role role = roles == null || roles.isEmpty() ? Role.DRIVER : Role.valueOf(roles.getFirst());
        return new Caller(jwt.getSubject(), role, longClaim(jwt, OPERATOR_CLAIM), longClaim(jwt, ORGANISATION_CLAIM),
                longClaim(jwt, DRIVER_CLAIM));
    }

    /** What the current caller may see. */
    public TenantScope scope() {
        return scopeOf(current());
    }

    public TenantScope scopeOf(Caller caller) {
        if (caller.role().allOperators()) {
            return TenantScope.platform();
        }
        if (caller.operatorId() == null) {
            throw new AccessDeniedException("Account has no operator");
        }
        if (!caller.role().stationScoped()) {
            return TenantScope.operator(caller.operatorId());
        }
        return new TenantScope(caller.operatorId(), stationsOf(caller));
    }

    private Set<Long> stationsOf(Caller caller) {
        Set<Long> ids = new HashSet<>(db.select(field(name("station_id"), Long.class)).from(table(name("user_station")))
                .where(field(name("username"), String.class).eq(caller.username())).fetch(r -> r.value1()));
        if (caller.organisationId() != null) {
            ids.addAll(db.select(field(name("id"), Long.class)).from(table(name("station")))
                    .where(field(name("operator_id"), Long.class).eq(caller.operatorId()))
                    .and(field(name("owner_org_id"), Long.class).eq(caller.organisationId())
                            .or(field(name("agent_org_id"), Long.class).eq(caller.organisationId())))
                    .fetch(r -> r.value1()));
        }
        return ids;
    }

    private static Long longClaim(org.springframework.security.oauth2.jwt.Jwt jwt, String claim) {
        Object value = jwt.getClaim(claim);
        return value instanceof Number n ? n.longValue() : value == null ? null : Long.valueOf(value.toString());
    }
}
