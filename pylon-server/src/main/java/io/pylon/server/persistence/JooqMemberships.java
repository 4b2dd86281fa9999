package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.marketing.ActiveMembership;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership plans and drivers' enrolments. A deactivated plan takes no new members; enrolments already made
 * keep their discount until they end. Enrolling a driver ends the enrolment running at the new one's start, so a
 * driver has at most one membership at any instant.
 */
@Repository
public class JooqMemberships {

    static final Table<Record> PLAN = DSL.table(DSL.name("membership_plan"));
    static final Table<Record> MEMBERSHIP = DSL.table(DSL.name("driver_membership"));
    private static final Field<BigDecimal> PERCENT = decimal("discount_percent");
    private static final Field<BigDecimal> MULTIPLIER = decimal("points_multiplier");
    private static final Field<Integer> DURATION = integer("duration_days");
    private static final Field<Boolean> ACTIVE = bool("active");
    private static final Field<String> CREATED_BY = str("created_by");
    private static final Field<Long> PLAN_ID = bigint("plan_id");
    private static final Field<Instant> VALID_FROM = time("valid_from");
    private static final Field<Instant> VALID_UNTIL = time("valid_until");
    private static final List<Field<?>> PLAN_COLUMNS = List.of(LONG_ID, OPERATOR_ID, NAME, PERCENT, MULTIPLIER, DURATION,
            ACTIVE, CREATED_BY, CREATED_AT, UPDATED_AT);
    private static final List<Field<?>> MEMBERSHIP_COLUMNS = List.of(col(MEMBERSHIP, LONG_ID), col(MEMBERSHIP, OPERATOR_ID),
            col(MEMBERSHIP, DRIVER_ID), col(MEMBERSHIP, PLAN_ID), col(PLAN, NAME), col(PLAN, PERCENT), col(PLAN, MULTIPLIER),
            col(MEMBERSHIP, VALID_FROM), col(MEMBERSHIP, VALID_UNTIL), col(MEMBERSHIP, CREATED_BY), col(MEMBERSHIP, CREATED_AT));

    /**
     * A membership plan (会员等级).
     *
     * @param discountPercent  0-100 % off the service fee
     * @param pointsMultiplier members earn the operator's points rate times this
     * @param durationDays     how long an enrolment lasts unless it names its own end; null: until ended
     * @param active           false: no new enrolments
     */
    public record Plan(long id, long operatorId, String name, BigDecimal discountPercent, BigDecimal pointsMultiplier,
                       Integer durationDays, boolean active, String createdBy, Instant createdAt, Instant updatedAt) {}

    /** A driver's enrolment, valid in [validFrom, validUntil) (validUntil null: no end). */
    public record Enrolment(long id, long operatorId, long driverId, long planId, String planName,
                            BigDecimal discountPercent, BigDecimal pointsMultiplier, Instant validFrom, Instant validUntil,
                            String createdBy, Instant createdAt) {

        public ActiveMembership toActiveMembership() {
            return new ActiveMembership(id, planId, planName, discountPercent, pointsMultiplier, validFrom, validUntil);
        }
    }

    private final DSLContext db;

    public JooqMemberships(DSLContext db) {
        this.db = db;
    }

    /** Creates a plan; empty if the operator has a plan of this name. */
    public Optional<Long> insertPlan(long operatorId, String name, BigDecimal percent, BigDecimal multiplier,
                                     Integer durationDays, String actor, Instant now) {
        try {
            return Optional.of(db.insertInto(PLAN).set(OPERATOR_ID, operatorId).set(NAME, name).set(PERCENT, percent)
                    .set(MULTIPLIER, multiplier).set(DURATION, durationDays).set(ACTIVE, true).set(CREATED_BY, actor)
                    .set(CREATED_AT, now).set(UPDATED_AT, now).returningResult(LONG_ID).fetchOne().value1());
        } catch (org.jooq.exception.IntegrityConstraintViolationException | org.springframework.dao.DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public Optional<Plan> plan(TenantScope scope, long id) {
        return db.select(PLAN_COLUMNS).from(PLAN).where(LONG_ID.eq(id)).and(scoped(scope, OPERATOR_ID, null))
                .fetchOptional(JooqMemberships::toPlan);
    }

    public Page<Plan> plans(TenantScope scope, Boolean active, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, null);
        if (active != null) where = where.and(ACTIVE.eq(active));
        long total = db.fetchCount(PLAN, where);
        return new Page<>(db.select(PLAN_COLUMNS).from(PLAN).where(where).orderBy(LONG_ID).limit(page.size())
                .offset(page.offset()).fetch(JooqMemberships::toPlan), page.page(), page.size(), total);
    }

    /** Stops a plan taking new members; false if it was inactive already. */
    public boolean deactivate(long id, Instant now) {
        return db.update(PLAN).set(ACTIVE, false).set(UPDATED_AT, now).where(LONG_ID.eq(id)).and(ACTIVE.isTrue()).execute() == 1;
    }

    /**
     * Enrols a driver in an active plan from {@code from} until {@code until} (null: no end). The enrolment running
     * at {@code from} ends then, and any that would start later is cut short to {@code from} — the newest
     * decision wins. Empty if the plan is not active (checked under the plan row's lock).
     */
    @Transactional
    public Optional<Long> enrol(long operatorId, long driverId, long planId, Instant from, Instant until, String actor,
                                Instant now) {
        if (db.select(LONG_ID).from(PLAN).where(LONG_ID.eq(planId)).and(ACTIVE.isTrue()).forUpdate().fetchOptional().isEmpty()) {
            return Optional.empty();
        }
        Condition driver = OPERATOR_ID.eq(operatorId).and(DRIVER_ID.eq(driverId));
        db.update(MEMBERSHIP).set(VALID_UNTIL, from).where(driver).and(VALID_FROM.lt(from))
                .and(VALID_UNTIL.isNull().or(VALID_UNTIL.gt(from))).execute();
        db.update(MEMBERSHIP).set(VALID_UNTIL, VALID_FROM).where(driver).and(VALID_FROM.ge(from))
                .and(VALID_UNTIL.isNull().or(VALID_UNTIL.gt(VALID_FROM))).execute();
        return Optional.of(db.insertInto(MEMBERSHIP).set(OPERATOR_ID, operatorId).set(DRIVER_ID, driverId).set(PLAN_ID, planId)
                .set(VALID_FROM, from).set(VALID_UNTIL, until).set(CREATED_BY, actor).set(CREATED_AT, now)
                .returningResult(LONG_ID).fetchOne().value1());
    }

    public Optional<Enrolment> enrolment(long id) {
        return enrolments(col(MEMBERSHIP, LONG_ID).eq(id), new PageRequest(0, 1)).stream().findFirst();
    }

    /** A driver's enrolments, latest start first (ended and cut-short ones included). */
    public Page<Enrolment> ofDriver(long operatorId, long driverId, PageRequest page) {
        Condition where = col(MEMBERSHIP, OPERATOR_ID).eq(operatorId).and(col(MEMBERSHIP, DRIVER_ID).eq(driverId));
        long total = db.fetchCount(DSL.selectOne().from(MEMBERSHIP).where(where));
        return new Page<>(enrolments(where, page), page.page(), page.size(), total);
    }

    /** The driver's enrolment valid at {@code at}, if any (driver app and billing). */
    public Optional<Enrolment> activeAt(long operatorId, long driverId, Instant at) {
        return enrolments(col(MEMBERSHIP, OPERATOR_ID).eq(operatorId).and(col(MEMBERSHIP, DRIVER_ID).eq(driverId))
                .and(col(MEMBERSHIP, VALID_FROM).le(at))
                .and(col(MEMBERSHIP, VALID_UNTIL).isNull().or(col(MEMBERSHIP, VALID_UNTIL).gt(at))), new PageRequest(0, 1))
                .stream().findFirst();
    }

    private List<Enrolment> enrolments(Condition where, PageRequest page) {
        return db.select(MEMBERSHIP_COLUMNS).from(MEMBERSHIP).join(PLAN).on(col(PLAN, LONG_ID).eq(col(MEMBERSHIP, PLAN_ID)))
                .where(where).orderBy(col(MEMBERSHIP, VALID_FROM).desc(), col(MEMBERSHIP, LONG_ID).desc())
                .limit(page.size()).offset(page.offset())
                .fetch(r -> new Enrolment(r.get(col(MEMBERSHIP, LONG_ID)), r.get(col(MEMBERSHIP, OPERATOR_ID)),
                        r.get(col(MEMBERSHIP, DRIVER_ID)), r.get(col(MEMBERSHIP, PLAN_ID)), r.get(col(PLAN, NAME)),
                        scaled(r.get(col(PLAN, PERCENT))), scaled(r.get(col(PLAN, MULTIPLIER))),
                        r.get(col(MEMBERSHIP, VALID_FROM)), r.get(col(MEMBERSHIP, VALID_UNTIL)),
                        r.get(col(MEMBERSHIP, CREATED_BY)), r.get(col(MEMBERSHIP, CREATED_AT))));
    }

    private static Plan toPlan(Record r) {
        return new Plan(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(NAME), scaled(r.get(PERCENT)), scaled(r.get(MULTIPLIER)),
                r.get(DURATION), r.get(ACTIVE), r.get(CREATED_BY), r.get(CREATED_AT), r.get(UPDATED_AT));
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
