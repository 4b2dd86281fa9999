package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.tenant.Operator;
import io.pylon.domain.tenant.OperatorStatus;
import io.pylon.domain.tenant.Organisation;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Operators (tenants) and the agents and station owners linked to them. */
@Repository
public class JooqOperators {

    private static final Field<String> CODE = str("code");
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<String> TIME_ZONE = str("time_zone");
    private static final Field<String> CONTACT = str("contact");
    private static final Field<String> KIND = str("kind");
    private static final Field<BigDecimal> SHARE = decimal("revenue_share_pct");
    private static final List<Field<?>> OPERATOR_COLUMNS = List.of(LONG_ID, CODE, NAME, CURRENCY, TIME_ZONE, CONTACT, STATUS, CREATED_AT);
    private static final List<Field<?>> ORG_COLUMNS = List.of(LONG_ID, OPERATOR_ID, KIND, NAME, CONTACT, SHARE, CREATED_AT);

    private final DSLContext db;

    public JooqOperators(DSLContext db) {
        this.db = db;
    }

    public Optional<Operator> find(long id) {
        return db.select(OPERATOR_COLUMNS).from(OPERATOR).where(LONG_ID.eq(id)).fetchOptional(JooqOperators::toOperator);
    }

    public Optional<Operator> findByCode(String code) {
        return db.select(OPERATOR_COLUMNS).from(OPERATOR).where(CODE.eq(code)).fetchOptional(JooqOperators::toOperator);
    }

    public List<Operator> list(TenantScope scope) {
        return db.select(OPERATOR_COLUMNS).from(OPERATOR).where(ofOperator(scope, LONG_ID)).orderBy(LONG_ID).fetch(JooqOperators::toOperator);
    }

    /** Inserts an operator; empty if the code is taken. */
    public Optional<Operator> insert(String code, String name, Currency currency, ZoneId zone, String contact, Instant now) {
        int inserted = db.insertInto(OPERATOR).set(CODE, code).set(NAME, name).set(CURRENCY, currency.getCurrencyCode())
                .set(TIME_ZONE, zone.getId()).set(CONTACT, contact).set(STATUS, OperatorStatus.ACTIVE.name())
                .set(CREATED_AT, now).set(UPDATED_AT, now).onConflict(key(OPERATOR, "code")).doNothing().execute();
        return inserted == 1 ? findByCode(code) : Optional.empty();
    }

    public void update(Operator o, Instant now) {
        db.update(OPERATOR).set(NAME, o.name()).set(CURRENCY, o.currency().getCurrencyCode())
                .set(TIME_ZONE, o.timeZone().getId()).set(CONTACT, o.contact()).set(STATUS, o.status().name())
                .set(UPDATED_AT, now).where(LONG_ID.eq(o.id())).execute();
    }

    public Optional<Organisation> findOrganisation(long id) {
        return db.select(ORG_COLUMNS).from(ORGANISATION).where(LONG_ID.eq(id)).fetchOptional(JooqOperators::toOrganisation);
    }

    public List<Organisation> organisations(TenantScope scope) {
        return db.select(ORG_COLUMNS).from(ORGANISATION).where(ofOperator(scope, OPERATOR_ID)).orderBy(LONG_ID).fetch(JooqOperators::toOrganisation);
    }

    public Organisation insertOrganisation(long operatorId, Organisation.Kind kind, String name, String contact,
                                           BigDecimal share, Instant now) {
        long id = db.insertInto(ORGANISATION).set(OPERATOR_ID, operatorId).set(KIND, kind.name()).set(NAME, name)
                .set(CONTACT, contact).set(SHARE, share).set(CREATED_AT, now).set(UPDATED_AT, now)
                .returningResult(LONG_ID).fetchOne().value1();
        return findOrganisation(id).orElseThrow();
    }

    public void updateOrganisation(Organisation o, Instant now) {
        db.update(ORGANISATION).set(NAME, o.name()).set(CONTACT, o.contact()).set(SHARE, o.revenueSharePct())
                .set(UPDATED_AT, now).where(LONG_ID.eq(o.id())).execute();
    }

    /** Rows of the scope's operator (station-scoped callers still see their own operator's name). */
    private static org.jooq.Condition ofOperator(TenantScope scope, Field<Long> column) {
        return scope.isPlatform() ? org.jooq.impl.DSL.noCondition() : column.eq(scope.operatorId());
    }

    private static Operator toOperator(Record r) {
        return new Operator(r.get(LONG_ID), r.get(CODE), r.get(NAME), Currency.getInstance(r.get(CURRENCY)),
                ZoneId.of(r.get(TIME_ZONE)), r.get(CONTACT), OperatorStatus.valueOf(r.get(STATUS)), r.get(CREATED_AT));
    }

    private static Organisation toOrganisation(Record r) {
        return new Organisation(r.get(LONG_ID), r.get(OPERATOR_ID), Organisation.Kind.valueOf(r.get(KIND)), r.get(NAME),
                r.get(CONTACT), r.get(SHARE).setScale(2, java.math.RoundingMode.UNNECESSARY), r.get(CREATED_AT));
    }
}
