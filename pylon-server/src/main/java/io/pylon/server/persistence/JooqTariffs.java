package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.DaySchedule;
import io.pylon.domain.tariff.DayType;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.IdleFeeRule;
import io.pylon.domain.tariff.ListedHolidayCalendar;
import io.pylon.domain.tariff.Tariff;
import io.pylon.domain.tariff.TariffRepository;
import io.pylon.domain.tariff.TariffTerms;
import io.pylon.domain.tariff.TariffVersion;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Tariffs, their append-only versions and band prices, which tariff each station bills with, and each
 * operator's holiday calendar. A version row is written once and never updated: a revision inserts the
 * next version number, and the primary key (tariff_id, version) turns two concurrent revisions into one
 * success and one collision ({@link #appendVersion} answers false).
 */
@Repository
public class JooqTariffs implements TariffRepository {

    /** Who made a version and when (not part of the domain's version). */
    public record VersionStamp(Instant createdAt, String createdBy) {}

    /** A tariff as stored: the domain tariff with its template flag and timestamps. */
    public record Stored(Tariff tariff, boolean template, Instant createdAt, Instant updatedAt,
                         Map<Integer, VersionStamp> stamps) {}

    /** A listed day of an operator's calendar: a public holiday or a make-up working day. */
    public record Holiday(LocalDate date, DayType kind, String name) {}

    private static final Field<Long> TARIFF_ID = bigint("tariff_id");
    private static final Field<Boolean> IS_TEMPLATE = bool("is_template");
    private static final Field<Integer> VERSION = integer("version");
    private static final Field<Instant> EFFECTIVE_FROM = time("effective_from");
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<String> WORKDAY_SCHEDULE = str("workday_schedule");
    private static final Field<String> HOLIDAY_SCHEDULE = str("holiday_schedule");
    private static final Field<BigDecimal> IDLE_PER_MINUTE = decimal("idle_fee_per_minute");
    private static final Field<Integer> IDLE_GRACE = integer("idle_grace_minutes");
    private static final Field<BigDecimal> IDLE_CAP = decimal("idle_fee_cap");
    private static final Field<BigDecimal> SESSION_FEE = decimal("session_fee");
    private static final Field<String> CREATED_BY = str("created_by");
    private static final Field<String> BAND = str("band");
    private static final Field<BigDecimal> ELECTRICITY = decimal("electricity_per_kwh");
    private static final Field<BigDecimal> SERVICE = decimal("service_per_kwh");
    private static final Field<LocalDate> DAY = date("calendar_day");
    private static final Field<String> KIND = str("kind");

    private static final List<Field<?>> TARIFF_COLUMNS = List.of(LONG_ID, OPERATOR_ID, NAME, IS_TEMPLATE, CREATED_AT,
            UPDATED_AT);
    private static final List<Field<?>> VERSION_COLUMNS = List.of(TARIFF_ID, VERSION, EFFECTIVE_FROM, CURRENCY,
            WORKDAY_SCHEDULE, HOLIDAY_SCHEDULE, IDLE_PER_MINUTE, IDLE_GRACE, IDLE_CAP, SESSION_FEE, CREATED_AT, CREATED_BY);
    private static final List<Field<?>> PRICE_COLUMNS = List.of(TARIFF_ID, VERSION, BAND, ELECTRICITY, SERVICE);
    private static final List<Field<?>> HOLIDAY_COLUMNS = List.of(DAY, KIND, NAME);

    private final DSLContext db;

    public JooqTariffs(DSLContext db) {
        this.db = db;
    }

    // --- the domain's port (unscoped: used by billing, which already knows the station) ---

    @Override
    public Optional<Tariff> find(long tariffId) {
        return load(DSL.noCondition(), List.of(tariffId)).stream().findFirst().map(Stored::tariff);
    }

    @Override
    public Optional<Tariff> forStation(long stationId) {
        return db.select(JooqStations.TARIFF_ID).from(STATION).where(LONG_ID.eq(stationId))
                .fetchOptional(r -> r.value1()).flatMap(this::find);
    }

    /** Weekends are holidays and other days working days, unless the operator lists the date. */
    @Override
    public HolidayCalendar calendar(long operatorId) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (Holiday h : holidays(operatorId, null)) {
            (h.kind() == DayType.HOLIDAY ? holidays : workdays).add(h.date());
        }
        return new ListedHolidayCalendar(holidays, workdays);
    }

    // --- tariffs for the API, scoped ---

    public Optional<Stored> find(TenantScope scope, long id) {
        return load(visible(scope), List.of(id)).stream().findFirst();
    }

    public Page<Stored> list(TenantScope scope, PageRequest page) {
        Condition where = visible(scope);
        long total = db.fetchCount(TARIFF, where);
        List<Long> ids = db.select(LONG_ID).from(TARIFF).where(where).orderBy(LONG_ID).limit(page.size())
                .offset(page.offset()).fetch(r -> r.value1());
        return new Page<>(load(DSL.noCondition(), ids), page.page(), page.size(), total);
    }

    /** Inserts a tariff with its first version (whose tariff id is ignored); returns the new id. */
    public long insert(long operatorId, String name, boolean template, TariffVersion first, Instant now, String actor) {
        long id = db.insertInto(TARIFF).set(OPERATOR_ID, operatorId).set(NAME, name).set(IS_TEMPLATE, template)
                .set(CREATED_AT, now).set(UPDATED_AT, now).returningResult(LONG_ID).fetchOne().value1();
        insertVersion(new TariffVersion(id, first.version(), first.effectiveFrom(), first.terms()), now, actor);
        return id;
    }

    /**
     * Appends a version; false if that version number exists already (a concurrent revision won). Never
     * updates a version. Call inside a transaction: the version row and its prices go in together.
     */
    public boolean appendVersion(TariffVersion version, Instant now, String actor) {
        try {
            insertVersion(version, now, actor);
        } catch (org.jooq.exception.IntegrityConstraintViolationException | org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
        db.update(TARIFF).set(UPDATED_AT, now).where(LONG_ID.eq(version.tariffId())).execute();
        return true;
    }

    private void insertVersion(TariffVersion v, Instant now, String actor) {
        TariffTerms t = v.terms();
        db.insertInto(TARIFF_VERSION).set(TARIFF_ID, v.tariffId()).set(VERSION, v.version())
                .set(EFFECTIVE_FROM, v.effectiveFrom()).set(CURRENCY, t.currency().getCurrencyCode())
                .set(WORKDAY_SCHEDULE, t.workdaySchedule().format())
                .set(HOLIDAY_SCHEDULE, t.holidaySchedule() == null ? null : t.holidaySchedule().format())
                .set(IDLE_PER_MINUTE, t.idleFee().perMinute()).set(IDLE_GRACE, t.idleFee().graceMinutes())
                .set(IDLE_CAP, t.idleFee().cap() == null ? null : t.idleFee().cap().amount())
                .set(SESSION_FEE, t.sessionFee().amount()).set(CREATED_AT, now).set(CREATED_BY, actor).execute();
        for (BandPrice p : t.prices().values()) {
            db.insertInto(TARIFF_PRICE).set(TARIFF_ID, v.tariffId()).set(VERSION, v.version()).set(BAND, p.band().name())
                    .set(ELECTRICITY, p.electricityPerKwh()).set(SERVICE, p.servicePerKwh()).execute();
        }
    }

    /** Sets (or with null clears) the tariff a station bills with. */
    public void assign(long stationId, Long tariffId, Instant now) {
        db.update(STATION).set(JooqStations.TARIFF_ID, tariffId).set(UPDATED_AT, now).where(LONG_ID.eq(stationId)).execute();
    }

    /** The stations that bill with a tariff, by id. */
    public List<Long> stationsUsing(long tariffId) {
        return db.select(LONG_ID).from(STATION).where(JooqStations.TARIFF_ID.eq(tariffId)).orderBy(LONG_ID)
                .fetch(r -> r.value1());
    }

    /** Tariffs are operator data; station-scoped callers see those assigned to one of their stations. */
    private static Condition visible(TenantScope scope) {
        if (scope.isPlatform()) {
            return DSL.noCondition();
        }
        Condition condition = col(TARIFF, OPERATOR_ID).eq(scope.operatorId());
        if (scope.stationIds() == null) {
            return condition;
        }
        if (scope.stationIds().isEmpty()) {
            return DSL.falseCondition();
        }
        return condition.and(DSL.exists(DSL.selectOne().from(STATION)
                .where(col(STATION, JooqStations.TARIFF_ID).eq(col(TARIFF, LONG_ID)))
                .and(col(STATION, LONG_ID).in(scope.stationIds()))));
    }

    /** The visible tariffs among {@code ids}, in the order of {@code ids}, with all their versions. */
    private List<Stored> load(Condition visible, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Record> rows = new LinkedHashMap<>();
        db.select(TARIFF_COLUMNS).from(TARIFF).where(col(TARIFF, LONG_ID).in(ids)).and(visible)
                .fetch().forEach(r -> rows.put(r.get(LONG_ID), r));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<Band, BandPrice>> prices = new HashMap<>();
        db.select(PRICE_COLUMNS).from(TARIFF_PRICE).where(TARIFF_ID.in(rows.keySet())).fetch().forEach(r -> {
            Band band = Band.valueOf(r.get(BAND));
            prices.computeIfAbsent(r.get(TARIFF_ID) + "/" + r.get(VERSION), k -> new EnumMap<>(Band.class))
                    .put(band, new BandPrice(band, r.get(ELECTRICITY), r.get(SERVICE)));
        });
        Map<Long, List<TariffVersion>> versions = new HashMap<>();
        Map<Long, Map<Integer, VersionStamp>> stamps = new HashMap<>();
        db.select(VERSION_COLUMNS).from(TARIFF_VERSION).where(TARIFF_ID.in(rows.keySet())).orderBy(TARIFF_ID, VERSION)
                .fetch().forEach(r -> {
                    long tariffId = r.get(TARIFF_ID);
                    int version = r.get(VERSION);
                    TariffTerms terms = terms(r, prices.getOrDefault(tariffId + "/" + version, Map.of()));
                    versions.computeIfAbsent(tariffId, k -> new ArrayList<>())
                            .add(new TariffVersion(tariffId, version, r.get(EFFECTIVE_FROM), terms));
                    stamps.computeIfAbsent(tariffId, k -> new HashMap<>())
                            .put(version, new VersionStamp(r.get(CREATED_AT), r.get(CREATED_BY)));
                });
        List<Stored> result = new ArrayList<>();
        for (long id : ids) {
            Record r = rows.get(id);
            if (r == null) continue;
            Tariff tariff = new Tariff(id, r.get(OPERATOR_ID), r.get(NAME), versions.getOrDefault(id, List.of()));
            result.add(new Stored(tariff, r.get(IS_TEMPLATE), r.get(CREATED_AT), r.get(UPDATED_AT),
                    Map.copyOf(stamps.get(id))));
        }
        return result;
    }

    private static TariffTerms terms(Record r, Map<Band, BandPrice> prices) {
        Currency currency = Currency.getInstance(r.get(CURRENCY));
        String holiday = r.get(HOLIDAY_SCHEDULE);
        BigDecimal cap = r.get(IDLE_CAP);
        IdleFeeRule idle = new IdleFeeRule(r.get(IDLE_PER_MINUTE), r.get(IDLE_GRACE),
                cap == null ? null : new Money(cap, currency));
        return new TariffTerms(currency, prices, DaySchedule.parse(r.get(WORKDAY_SCHEDULE)),
                holiday == null ? null : DaySchedule.parse(holiday), idle, new Money(r.get(SESSION_FEE), currency));
    }

    // --- holiday calendar of an operator ---

    /** The operator's listed days, by date; of one year when {@code year} is not null. */
    public List<Holiday> holidays(long operatorId, Integer year) {
        Condition where = OPERATOR_ID.eq(operatorId);
        if (year != null) {
            where = where.and(DAY.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        }
        return db.select(HOLIDAY_COLUMNS).from(HOLIDAY).where(where).orderBy(DAY).fetch(JooqTariffs::toHoliday);
    }

    public Optional<Holiday> holiday(long operatorId, LocalDate date) {
        return db.select(HOLIDAY_COLUMNS).from(HOLIDAY).where(OPERATOR_ID.eq(operatorId)).and(DAY.eq(date))
                .fetchOptional(JooqTariffs::toHoliday);
    }

    /** Lists a date in the operator's calendar, replacing what was listed for it. */
    public void putHoliday(long operatorId, Holiday h) {
        db.insertInto(HOLIDAY).set(OPERATOR_ID, operatorId).set(DAY, h.date()).set(KIND, h.kind().name())
                .set(NAME, h.name()).onConflict(key(HOLIDAY, "operator_id", "calendar_day")).doUpdate()
                .set(KIND, h.kind().name()).set(NAME, h.name()).execute();
    }

    public boolean deleteHoliday(long operatorId, LocalDate date) {
        return db.deleteFrom(HOLIDAY).where(OPERATOR_ID.eq(operatorId)).and(DAY.eq(date)).execute() == 1;
    }

    private static Holiday toHoliday(Record r) {
        return new Holiday(r.get(DAY), DayType.valueOf(r.get(KIND)), r.get(NAME));
    }
}
