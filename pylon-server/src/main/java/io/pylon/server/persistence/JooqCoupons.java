package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.marketing.CampaignStatus;
import io.pylon.domain.marketing.CouponCampaign;
import io.pylon.domain.marketing.CouponCampaign.Refusal;
import io.pylon.domain.marketing.CouponKind;
import io.pylon.domain.marketing.CouponSource;
import io.pylon.domain.marketing.CouponState;
import io.pylon.domain.marketing.DriverCoupon;
import io.pylon.domain.marketing.HeldCoupon;
import io.pylon.domain.marketing.IssueOutcome;
import io.pylon.domain.money.Money;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
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
 * Coupon campaigns and the coupons drivers hold. Giving a coupon raises the campaign's {@code issued} count with
 * a conditional update first: that refuses the coupon over the total limit and holds the campaign row's lock, so
 * the driver's count read next is current and two gives racing for one driver cannot both pass the per-driver
 * limit (the unique (campaign, driver, driver_seq) index is the last guard). Using a coupon is one conditional
 * update from AVAILABLE to USED naming the order.
 *
 * <p>For the driver app: {@link #claimable}, {@link #campaignByCode}, {@link #claim}, {@link #ofDriver} and
 * {@link #choose} are the calls a driver's own endpoints need (scoped by the driver's operator and id).
 */
@Repository
public class JooqCoupons {

    static final Table<Record> CAMPAIGN = DSL.table(DSL.name("coupon_campaign"));
    static final Table<Record> COUPON = DSL.table(DSL.name("driver_coupon"));
    static final Table<Record> CHOICE = DSL.table(DSL.name("order_coupon_choice"));
    private static final Field<String> CODE = str("code");
    private static final Field<String> KIND = str("kind");
    private static final Field<BigDecimal> VALUE = decimal("discount_value");
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<BigDecimal> MINIMUM = decimal("minimum_spend");
    private static final Field<Instant> VALID_FROM = time("valid_from");
    private static final Field<Instant> VALID_UNTIL = time("valid_until");
    private static final Field<Integer> COUPON_DAYS = integer("coupon_days");
    private static final Field<Long> TOTAL_LIMIT = bigint("total_limit");
    private static final Field<Integer> PER_DRIVER = integer("per_driver_limit");
    private static final Field<Boolean> CLAIMABLE = bool("claimable");
    private static final Field<Long> ISSUED = bigint("issued");
    private static final Field<String> CREATED_BY = str("created_by");
    private static final Field<Long> CAMPAIGN_ID = bigint("campaign_id");
    private static final Field<Integer> DRIVER_SEQ = integer("driver_seq");
    private static final Field<String> SOURCE = str("source");
    private static final Field<String> STATE = str("state");
    private static final Field<Instant> ISSUED_AT = time("issued_at");
    private static final Field<String> ISSUED_BY = str("issued_by");
    private static final Field<Instant> EXPIRES_AT = time("expires_at");
    private static final Field<Long> ORDER_ID = bigint("order_id");
    private static final Field<Instant> USED_AT = time("used_at");
    private static final Field<Long> COUPON_ID = bigint("coupon_id");
    private static final Field<Instant> CHOSEN_AT = time("chosen_at");
    private static final Field<String> CHOSEN_BY = str("chosen_by");

    /** Coupons of a campaign used on orders. */
    private static final Field<Integer> USED_COUNT = DSL.field(DSL.selectCount().from(COUPON)
            .where(col(COUPON, CAMPAIGN_ID).eq(col(CAMPAIGN, LONG_ID))).and(col(COUPON, STATE).eq(CouponState.USED.name())));
    private static final List<Field<?>> CAMPAIGN_COLUMNS = List.of(col(CAMPAIGN, LONG_ID), col(CAMPAIGN, OPERATOR_ID),
            col(CAMPAIGN, CODE), col(CAMPAIGN, NAME), col(CAMPAIGN, KIND), col(CAMPAIGN, VALUE), col(CAMPAIGN, CURRENCY),
            col(CAMPAIGN, MINIMUM), col(CAMPAIGN, VALID_FROM), col(CAMPAIGN, VALID_UNTIL), col(CAMPAIGN, COUPON_DAYS),
            col(CAMPAIGN, TOTAL_LIMIT), col(CAMPAIGN, PER_DRIVER), col(CAMPAIGN, CLAIMABLE), col(CAMPAIGN, STATUS),
            col(CAMPAIGN, ISSUED), USED_COUNT.as("used_count"), col(CAMPAIGN, CREATED_BY), col(CAMPAIGN, CREATED_AT),
            col(CAMPAIGN, UPDATED_AT));
    private static final List<Field<?>> COUPON_COLUMNS = List.of(col(COUPON, LONG_ID), col(COUPON, OPERATOR_ID),
            col(COUPON, CAMPAIGN_ID), col(CAMPAIGN, CODE), col(CAMPAIGN, NAME), col(COUPON, DRIVER_ID), col(CAMPAIGN, KIND),
            col(CAMPAIGN, VALUE), col(CAMPAIGN, MINIMUM), col(CAMPAIGN, CURRENCY), col(COUPON, SOURCE), col(COUPON, STATE),
            col(COUPON, ISSUED_AT), col(COUPON, ISSUED_BY), col(CAMPAIGN, VALID_FROM), col(COUPON, EXPIRES_AT),
            col(COUPON, ORDER_ID), col(COUPON, USED_AT));

    /** A campaign to create; the currency is the operator's. */
    public record NewCampaign(long operatorId, String code, String name, CouponKind kind, BigDecimal value,
                              Money minimumSpend, Instant validFrom, Instant validUntil, Integer couponDays,
                              long totalLimit, int perDriverLimit, boolean claimable) {}

    /** Listing filter; null fields do not filter. {@code activeAt}: ACTIVE and valid at that instant. */
    public record CampaignFilter(CampaignStatus status, String text, Instant activeAt) {}

    /** Listing filter of held coupons; null fields do not filter. EXPIRED = unused past its expiry at {@code now}. */
    public record CouponFilter(Long campaignId, Long driverId, CouponState state, Instant now) {}

    private final DSLContext db;

    public JooqCoupons(DSLContext db) {
        this.db = db;
    }

    // --- campaigns ---

    /** Creates a campaign; empty if the operator already has one with this code. */
    public Optional<Long> insertCampaign(NewCampaign c, String actor, Instant now) {
        try {
            return Optional.of(db.insertInto(CAMPAIGN).set(OPERATOR_ID, c.operatorId()).set(CODE, c.code()).set(NAME, c.name())
                    .set(KIND, c.kind().name()).set(VALUE, c.value()).set(CURRENCY, c.minimumSpend().currency().getCurrencyCode())
                    .set(MINIMUM, c.minimumSpend().amount()).set(VALID_FROM, c.validFrom()).set(VALID_UNTIL, c.validUntil())
                    .set(COUPON_DAYS, c.couponDays()).set(TOTAL_LIMIT, c.totalLimit()).set(PER_DRIVER, c.perDriverLimit())
                    .set(CLAIMABLE, c.claimable()).set(STATUS, CampaignStatus.ACTIVE.name()).set(ISSUED, 0L)
                    .set(CREATED_BY, actor).set(CREATED_AT, now).set(UPDATED_AT, now)
                    .returningResult(LONG_ID).fetchOne().value1());
        } catch (org.jooq.exception.IntegrityConstraintViolationException | org.springframework.dao.DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public Optional<CouponCampaign> campaign(TenantScope scope, long id) {
        return db.select(CAMPAIGN_COLUMNS).from(CAMPAIGN).where(col(CAMPAIGN, LONG_ID).eq(id))
                .and(scoped(scope, col(CAMPAIGN, OPERATOR_ID), null)).fetchOptional(JooqCoupons::toCampaign);
    }

    /** The operator's campaign with this code (codes are unique per operator and kept upper case). */
    public Optional<CouponCampaign> campaignByCode(long operatorId, String code) {
        return db.select(CAMPAIGN_COLUMNS).from(CAMPAIGN).where(col(CAMPAIGN, OPERATOR_ID).eq(operatorId))
                .and(col(CAMPAIGN, CODE).eq(code.strip().toUpperCase(java.util.Locale.ROOT))).fetchOptional(JooqCoupons::toCampaign);
    }

    public Page<CouponCampaign> campaigns(TenantScope scope, CampaignFilter f, PageRequest page) {
        Condition where = scoped(scope, col(CAMPAIGN, OPERATOR_ID), null);
        if (f.status() != null) where = where.and(col(CAMPAIGN, STATUS).eq(f.status().name()));
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().strip().toLowerCase() + "%";
            where = where.and(DSL.lower(col(CAMPAIGN, CODE)).like(like).or(DSL.lower(col(CAMPAIGN, NAME)).like(like)));
        }
        if (f.activeAt() != null) {
            where = where.and(col(CAMPAIGN, STATUS).eq(CampaignStatus.ACTIVE.name()))
                    .and(col(CAMPAIGN, VALID_FROM).le(f.activeAt())).and(col(CAMPAIGN, VALID_UNTIL).gt(f.activeAt()));
        }
        long total = db.fetchCount(CAMPAIGN, where);
        return new Page<>(db.select(CAMPAIGN_COLUMNS).from(CAMPAIGN).where(where).orderBy(col(CAMPAIGN, LONG_ID).desc())
                .limit(page.size()).offset(page.offset()).fetch(JooqCoupons::toCampaign), page.page(), page.size(), total);
    }

    /** Ends an ACTIVE campaign; false if it had ended already. */
    public boolean end(long id, Instant now) {
        return db.update(CAMPAIGN).set(STATUS, CampaignStatus.ENDED.name()).set(UPDATED_AT, now).where(LONG_ID.eq(id))
                .and(STATUS.eq(CampaignStatus.ACTIVE.name())).execute() == 1;
    }

    // --- giving coupons ---

    /**
     * Gives a driver of the campaign's operator one coupon, within the campaign's limits (see the class comment).
     * A driver unknown at the operator is refused, not an error, so a bulk issue reports each driver.
     */
    @Transactional
    public IssueOutcome give(long campaignId, long driverId, CouponSource source, String actor, Instant now) {
        Optional<CouponCampaign> found = campaign(TenantScope.platform(), campaignId);
        if (found.isEmpty()) throw new java.util.NoSuchElementException("Campaign " + campaignId);
        CouponCampaign campaign = found.get();
        if (!db.fetchExists(DRIVER, LONG_ID.eq(driverId).and(OPERATOR_ID.eq(campaign.operatorId())))) {
            return new IssueOutcome.Refused(Refusal.UNKNOWN_DRIVER);
        }
        Refusal refusal = campaign.refusal(now, source);
        if (refusal != null) return new IssueOutcome.Refused(refusal);
        Condition open = LONG_ID.eq(campaignId).and(STATUS.eq(CampaignStatus.ACTIVE.name())).and(VALID_UNTIL.gt(now))
                .and(ISSUED.lt(TOTAL_LIMIT));
        if (source == CouponSource.CLAIMED) open = open.and(CLAIMABLE.isTrue());
        if (db.update(CAMPAIGN).set(ISSUED, ISSUED.plus(1)).set(UPDATED_AT, now).where(open).execute() == 0) {
            CouponCampaign now2 = campaign(TenantScope.platform(), campaignId).orElseThrow();
            Refusal after = now2.refusal(now, source);
            return new IssueOutcome.Refused(after != null ? after : Refusal.TOTAL_LIMIT_REACHED);
        }
        // the campaign row is locked until commit: this count is current
        int held = db.fetchCount(COUPON, CAMPAIGN_ID.eq(campaignId).and(DRIVER_ID.eq(driverId)));
        if (held >= campaign.perDriverLimit()) {
            db.update(CAMPAIGN).set(ISSUED, ISSUED.minus(1)).where(LONG_ID.eq(campaignId)).execute();
            return new IssueOutcome.Refused(Refusal.DRIVER_LIMIT_REACHED);
        }
        long id = db.insertInto(COUPON).set(OPERATOR_ID, campaign.operatorId()).set(CAMPAIGN_ID, campaignId)
                .set(DRIVER_ID, driverId).set(DRIVER_SEQ, held + 1).set(SOURCE, source.name())
                .set(STATE, CouponState.AVAILABLE.name()).set(ISSUED_AT, now).set(ISSUED_BY, actor)
                .set(EXPIRES_AT, campaign.expiryFor(now)).returningResult(LONG_ID).fetchOne().value1();
        return new IssueOutcome.Issued(coupon(TenantScope.platform(), id, now).orElseThrow());
    }

    /** Campaigns of the driver's operator the driver may claim a coupon of now (driver app). */
    public List<CouponCampaign> claimable(long operatorId, long driverId, Instant now) {
        Field<Integer> held = DSL.field(DSL.selectCount().from(COUPON).where(col(COUPON, CAMPAIGN_ID).eq(col(CAMPAIGN, LONG_ID)))
                .and(col(COUPON, DRIVER_ID).eq(driverId)));
        return db.select(CAMPAIGN_COLUMNS).from(CAMPAIGN).where(col(CAMPAIGN, OPERATOR_ID).eq(operatorId))
                .and(col(CAMPAIGN, STATUS).eq(CampaignStatus.ACTIVE.name())).and(col(CAMPAIGN, CLAIMABLE).isTrue())
                .and(col(CAMPAIGN, VALID_UNTIL).gt(now)).and(col(CAMPAIGN, ISSUED).lt(col(CAMPAIGN, TOTAL_LIMIT)))
                .and(held.lt(col(CAMPAIGN, PER_DRIVER))).orderBy(col(CAMPAIGN, VALID_UNTIL), col(CAMPAIGN, LONG_ID))
                .fetch(JooqCoupons::toCampaign);
    }

    /** A driver claims a coupon of a claimable campaign of their own operator (driver app); 404 for another's campaign. */
    @Transactional
    public IssueOutcome claim(long operatorId, long driverId, long campaignId, Instant now) {
        campaign(TenantScope.operator(operatorId), campaignId)
                .orElseThrow(() -> new java.util.NoSuchElementException("Campaign " + campaignId));
        return give(campaignId, driverId, CouponSource.CLAIMED, "driver:" + driverId, now);
    }

    // --- held coupons ---

    public Optional<DriverCoupon> coupon(TenantScope scope, long id, Instant now) {
        return db.select(COUPON_COLUMNS).from(COUPON).join(CAMPAIGN).on(col(CAMPAIGN, LONG_ID).eq(col(COUPON, CAMPAIGN_ID)))
                .where(col(COUPON, LONG_ID).eq(id)).and(scoped(scope, col(COUPON, OPERATOR_ID), null))
                .fetchOptional(r -> toCoupon(r, now));
    }

    public Page<DriverCoupon> coupons(TenantScope scope, CouponFilter f, PageRequest page) {
        Condition where = scoped(scope, col(COUPON, OPERATOR_ID), null);
        if (f.campaignId() != null) where = where.and(col(COUPON, CAMPAIGN_ID).eq(f.campaignId()));
        if (f.driverId() != null) where = where.and(col(COUPON, DRIVER_ID).eq(f.driverId()));
        if (f.state() != null) {
            where = where.and(switch (f.state()) {
                case USED -> col(COUPON, STATE).eq(CouponState.USED.name());
                case AVAILABLE -> col(COUPON, STATE).eq(CouponState.AVAILABLE.name()).and(col(COUPON, EXPIRES_AT).gt(f.now()));
                case EXPIRED -> col(COUPON, STATE).eq(CouponState.AVAILABLE.name()).and(col(COUPON, EXPIRES_AT).le(f.now()));
            });
        }
        long total = db.fetchCount(DSL.selectOne().from(COUPON).where(where));
        return new Page<>(db.select(COUPON_COLUMNS).from(COUPON).join(CAMPAIGN).on(col(CAMPAIGN, LONG_ID).eq(col(COUPON, CAMPAIGN_ID)))
                .where(where).orderBy(col(COUPON, LONG_ID).desc()).limit(page.size()).offset(page.offset())
                .fetch(r -> toCoupon(r, f.now())), page.page(), page.size(), total);
    }

    /** A driver's coupons (driver app), newest first. */
    public Page<DriverCoupon> ofDriver(long operatorId, long driverId, CouponState state, Instant now, PageRequest page) {
        return coupons(TenantScope.operator(operatorId), new CouponFilter(null, driverId, state, now), page);
    }

    /** Why a coupon cannot be chosen for an order. */
    public enum ChoiceRefusal { ORDER_NOT_CHARGING, ORDER_WITHOUT_DRIVER, NOT_THE_DRIVERS_COUPON, COUPON_NOT_AVAILABLE }

    /**
     * Chooses the coupon an order will use when it is billed, replacing an earlier choice; null clears it (the
     * driver's best coupon applies then). The order must still be charging and have a driver, the coupon must be
     * that driver's, unused and unexpired. The caller scopes the order (staff: their tenant; driver app: their own
     * orders). Empty when chosen; otherwise why not, nothing changed.
     */
    @Transactional
    public Optional<ChoiceRefusal> choose(io.pylon.domain.order.Order order, Long couponId, String actor, Instant now) {
        if (order.state() != io.pylon.domain.order.OrderState.CHARGING) return Optional.of(ChoiceRefusal.ORDER_NOT_CHARGING);
        if (order.driverId() == null || order.operatorId() == null) return Optional.of(ChoiceRefusal.ORDER_WITHOUT_DRIVER);
        if (couponId != null) {
            Optional<DriverCoupon> coupon = coupon(TenantScope.operator(order.operatorId()), couponId, now)
                    .filter(c -> c.driverId() == order.driverId());
            if (coupon.isEmpty()) return Optional.of(ChoiceRefusal.NOT_THE_DRIVERS_COUPON);
            if (coupon.get().state() != CouponState.AVAILABLE) return Optional.of(ChoiceRefusal.COUPON_NOT_AVAILABLE);
        }
        db.deleteFrom(CHOICE).where(ORDER_ID.eq(order.id())).execute();
        if (couponId != null) {
            db.insertInto(CHOICE).set(ORDER_ID, order.id()).set(COUPON_ID, couponId).set(CHOSEN_AT, now)
                    .set(CHOSEN_BY, actor).execute();
        }
        return Optional.empty();
    }

    public Optional<Long> choice(long orderId) {
        return db.select(COUPON_ID).from(CHOICE).where(ORDER_ID.eq(orderId)).fetchOptional(org.jooq.Record1::value1);
    }

    // --- billing (MarketingStore) ---

    Optional<HeldCoupon> usedBy(long orderId) {
        return held(col(COUPON, ORDER_ID).eq(orderId)).stream().findFirst();
    }

    Optional<HeldCoupon> held(long couponId) {
        return held(col(COUPON, LONG_ID).eq(couponId)).stream().findFirst();
    }

    List<HeldCoupon> available(long operatorId, long driverId, Instant at) {
        return held(col(COUPON, OPERATOR_ID).eq(operatorId).and(col(COUPON, DRIVER_ID).eq(driverId))
                .and(col(COUPON, STATE).eq(CouponState.AVAILABLE.name())).and(col(COUPON, EXPIRES_AT).gt(at)));
    }

    /** AVAILABLE → USED by this order, if still unused and unexpired at {@code at} (or already used by this order). */
    boolean use(long couponId, long orderId, Instant at) {
        int updated = db.update(COUPON).set(STATE, CouponState.USED.name()).set(ORDER_ID, orderId).set(USED_AT, at)
                .where(LONG_ID.eq(couponId)).and(STATE.eq(CouponState.AVAILABLE.name())).and(EXPIRES_AT.gt(at)).execute();
        return updated == 1 || db.fetchExists(COUPON, LONG_ID.eq(couponId).and(ORDER_ID.eq(orderId)));
    }

    void release(long couponId, long orderId) {
        db.update(COUPON).set(STATE, CouponState.AVAILABLE.name()).set(ORDER_ID, (Long) null).set(USED_AT, (Instant) null)
                .where(LONG_ID.eq(couponId)).and(ORDER_ID.eq(orderId)).execute();
    }

    /** Held coupons with their campaign's terms and the uses of their campaign by other coupons. */
    private List<HeldCoupon> held(Condition where) {
        Table<Record> other = COUPON.as("other");
        Field<Long> otherCampaign = DSL.field(other.getQualifiedName().append("campaign_id"), Long.class);
        Field<Long> otherDriver = DSL.field(other.getQualifiedName().append("driver_id"), Long.class);
        Field<Long> otherId = DSL.field(other.getQualifiedName().append("id"), Long.class);
        Field<String> otherState = DSL.field(other.getQualifiedName().append("state"), String.class);
        Condition otherUsed = otherCampaign.eq(col(COUPON, CAMPAIGN_ID)).and(otherId.ne(col(COUPON, LONG_ID)))
                .and(otherState.eq(CouponState.USED.name()));
        Field<Integer> driverUses = DSL.field(DSL.selectCount().from(other).where(otherUsed)
                .and(otherDriver.eq(col(COUPON, DRIVER_ID)))).as("driver_uses");
        Field<Integer> totalUses = DSL.field(DSL.selectCount().from(other).where(otherUsed)).as("total_uses");
        List<Field<?>> fields = new ArrayList<>(CAMPAIGN_COLUMNS);
        fields.add(col(COUPON, LONG_ID).as("coupon_id"));
        fields.add(col(COUPON, EXPIRES_AT));
        fields.add(driverUses);
        fields.add(totalUses);
        return db.select(fields).from(COUPON).join(CAMPAIGN).on(col(CAMPAIGN, LONG_ID).eq(col(COUPON, CAMPAIGN_ID)))
                .where(where).orderBy(col(COUPON, LONG_ID))
                .fetch(r -> new HeldCoupon(r.get("coupon_id", Long.class), r.get(col(CAMPAIGN, LONG_ID)),
                        toCampaign(r).terms(r.get(col(COUPON, EXPIRES_AT))), r.get("driver_uses", Integer.class),
                        r.get("total_uses", Integer.class)));
    }

    // --- mapping ---

    private static CouponCampaign toCampaign(Record r) {
        Currency currency = Currency.getInstance(r.get(col(CAMPAIGN, CURRENCY)));
        return new CouponCampaign(r.get(col(CAMPAIGN, LONG_ID)), r.get(col(CAMPAIGN, OPERATOR_ID)), r.get(col(CAMPAIGN, CODE)),
                r.get(col(CAMPAIGN, NAME)), CouponKind.valueOf(r.get(col(CAMPAIGN, KIND))),
                r.get(col(CAMPAIGN, VALUE)).setScale(2, RoundingMode.UNNECESSARY),
                money(r.get(col(CAMPAIGN, MINIMUM)), currency), r.get(col(CAMPAIGN, VALID_FROM)),
                r.get(col(CAMPAIGN, VALID_UNTIL)), r.get(col(CAMPAIGN, COUPON_DAYS)), r.get(col(CAMPAIGN, TOTAL_LIMIT)),
                r.get(col(CAMPAIGN, PER_DRIVER)), r.get(col(CAMPAIGN, CLAIMABLE)),
                CampaignStatus.valueOf(r.get(col(CAMPAIGN, STATUS))), r.get(col(CAMPAIGN, ISSUED)),
                r.get("used_count", Integer.class), r.get(col(CAMPAIGN, CREATED_BY)), r.get(col(CAMPAIGN, CREATED_AT)),
                r.get(col(CAMPAIGN, UPDATED_AT)));
    }

    private static DriverCoupon toCoupon(Record r, Instant now) {
        Currency currency = Currency.getInstance(r.get(col(CAMPAIGN, CURRENCY)));
        CouponState state = CouponState.valueOf(r.get(col(COUPON, STATE)));
        if (state == CouponState.AVAILABLE && now != null && !now.isBefore(r.get(col(COUPON, EXPIRES_AT)))) {
            state = CouponState.EXPIRED;
        }
        return new DriverCoupon(r.get(col(COUPON, LONG_ID)), r.get(col(COUPON, OPERATOR_ID)), r.get(col(COUPON, CAMPAIGN_ID)),
                r.get(col(CAMPAIGN, CODE)), r.get(col(CAMPAIGN, NAME)), r.get(col(COUPON, DRIVER_ID)),
                CouponKind.valueOf(r.get(col(CAMPAIGN, KIND))), r.get(col(CAMPAIGN, VALUE)).setScale(2, RoundingMode.UNNECESSARY),
                money(r.get(col(CAMPAIGN, MINIMUM)), currency), CouponSource.valueOf(r.get(col(COUPON, SOURCE))), state,
                r.get(col(COUPON, ISSUED_AT)), r.get(col(COUPON, ISSUED_BY)), r.get(col(CAMPAIGN, VALID_FROM)),
                r.get(col(COUPON, EXPIRES_AT)), r.get(col(COUPON, ORDER_ID)), r.get(col(COUPON, USED_AT)));
    }

    static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY), currency,
                RoundingMode.UNNECESSARY);
    }
}
