package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, when, with the state before and after (as JSON of the API's view). Written in the
 * same transaction as the change where the change is transactional; entries are never updated or deleted.
 */
@Repository
public class AuditLog {

    public enum Action { CREATE, UPDATE, DELETE, COMMAND }

    /** One entry; {@code before}/{@code after} are JSON text or null. */
    public record AuditEntry(long id, Instant occurredAt, String actor, Long operatorId, String action, String entityType,
                        String entityId, String before, String after) {}

    private static final Field<Instant> OCCURRED_AT = time("occurred_at");
    private static final Field<String> ACTOR = str("actor");
    private static final Field<String> ACTION = str("action");
    private static final Field<String> ENTITY_TYPE = str("entity_type");
    private static final Field<String> ENTITY_ID = str("entity_id");
    private static final Field<String> BEFORE = str("before_json");
    private static final Field<String> AFTER = str("after_json");
    private static final List<Field<?>> COLUMNS = List.of(LONG_ID, OCCURRED_AT, ACTOR, OPERATOR_ID, ACTION, ENTITY_TYPE, ENTITY_ID, BEFORE, AFTER);

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(DSLContext db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public void record(String actor, Long operatorId, Action action, String entityType, Object entityId, Object before,
                       Object after) {
        db.insertInto(AUDIT_LOG).set(OCCURRED_AT, clock.instant()).set(ACTOR, actor).set(OPERATOR_ID, operatorId)
                .set(ACTION, action.name()).set(ENTITY_TYPE, entityType).set(ENTITY_ID, String.valueOf(entityId))
                .set(BEFORE, before == null ? null : json.writeValueAsString(before))
                .set(AFTER, after == null ? null : json.writeValueAsString(after)).execute();
    }

    /** Entries in scope, newest first; platform-wide entries (operator null) only for platform scope. */
    public Page<AuditEntry> list(TenantScope scope, String entityType, String entityId, String actor, PageRequest page) {
        Condition where = scope.isPlatform() ? DSL.noCondition() : OPERATOR_ID.eq(scope.operatorId());
        if (entityType != null) where = where.and(ENTITY_TYPE.eq(entityType));
        if (entityId != null) where = where.and(ENTITY_ID.eq(entityId));
        if (actor != null) where = where.and(ACTOR.eq(actor));
        long total = db.fetchCount(AUDIT_LOG, where);
        return new Page<>(db.select(COLUMNS).from(AUDIT_LOG).where(where).orderBy(LONG_ID.desc()).limit(page.size())
                .offset(page.offset()).fetch(r -> new AuditEntry(r.get(LONG_ID), r.get(OCCURRED_AT), r.get(ACTOR),
                        r.get(OPERATOR_ID), r.get(ACTION), r.get(ENTITY_TYPE), r.get(ENTITY_ID), r.get(BEFORE), r.get(AFTER))),
                page.page(), page.size(), total);
    }
}
