package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.station.Station;
import io.pylon.domain.station.StationStatus;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Stations in SQL; photos and amenities are kept as newline-separated text. */
@Repository
public class JooqStations {

    private static final Field<Long> OWNER = bigint("owner_org_id");
    private static final Field<Long> AGENT = bigint("agent_org_id");
    private static final Field<String> ADDRESS = str("address");
    private static final Field<BigDecimal> LAT = decimal("latitude");
    private static final Field<BigDecimal> LON = decimal("longitude");
    private static final Field<String> TIME_ZONE = str("time_zone");
    private static final Field<String> HOURS = str("opening_hours");
    private static final Field<String> PARKING = str("parking_info");
    private static final Field<String> PHOTOS = str("photos");
    private static final Field<String> AMENITIES = str("amenities");
    static final Field<Long> TARIFF_ID = bigint("tariff_id");
    private static final List<Field<?>> COLUMNS = List.of(LONG_ID, OPERATOR_ID, OWNER, AGENT, NAME, ADDRESS, LAT, LON,
            TIME_ZONE, HOURS, PARKING, PHOTOS, AMENITIES, STATUS, TARIFF_ID, CREATED_AT, UPDATED_AT);

    private final DSLContext db;

    public JooqStations(DSLContext db) {
        this.db = db;
    }

    public Optional<Station> find(TenantScope scope, long id) {
        return db.select(COLUMNS).from(STATION).where(LONG_ID.eq(id)).and(scoped(scope, OPERATOR_ID, LONG_ID))
                .fetchOptional(JooqStations::toStation);
    }

    /** Lists stations in scope; {@code text} matches name or address, case-insensitively. */
    public Page<Station> list(TenantScope scope, String text, StationStatus status, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, LONG_ID);
        if (text != null && !text.isBlank()) {
            String like = "%" + text.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(DSL.lower(NAME).like(like).or(DSL.lower(ADDRESS).like(like)));
        }
        if (status != null) where = where.and(STATUS.eq(status.name()));
        long total = db.fetchCount(STATION, where);
        return new Page<>(db.select(COLUMNS).from(STATION).where(where).orderBy(LONG_ID).limit(page.size())
                .offset(page.offset()).fetch(JooqStations::toStation), page.page(), page.size(), total);
    }

    public long insert(Station s, Instant now) {
        return db.insertInto(STATION).set(values(s)).set(OPERATOR_ID, s.operatorId()).set(CREATED_AT, now)
                .set(UPDATED_AT, now).returningResult(LONG_ID).fetchOne().value1();
    }

    public void update(Station s, Instant now) {
        db.update(STATION).set(values(s)).set(UPDATED_AT, now).where(LONG_ID.eq(s.id())).execute();
    }

    /** Deletes a station with no chargers; false if it still has some or does not exist. */
    public boolean deleteIfEmpty(long id) {
        return db.deleteFrom(STATION).where(LONG_ID.eq(id))
                .andNotExists(db.selectOne().from(CHARGER).where(STATION_ID.eq(id))).execute() == 1;
    }

    private static java.util.Map<Field<?>, Object> values(Station s) {
        var map = new java.util.LinkedHashMap<Field<?>, Object>();
        map.put(OWNER, s.ownerOrgId());
        map.put(AGENT, s.agentOrgId());
        map.put(NAME, s.name());
        map.put(ADDRESS, s.address());
        map.put(LAT, s.latitude());
        map.put(LON, s.longitude());
        map.put(TIME_ZONE, s.timeZone().getId());
        map.put(HOURS, s.openingHours());
        map.put(PARKING, s.parkingInfo());
        map.put(PHOTOS, String.join("\n", s.photos()));
        map.put(AMENITIES, String.join("\n", s.amenities()));
        map.put(STATUS, s.status().name());
        return map;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static Station toStation(Record r) {
        return new Station(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(OWNER), r.get(AGENT), r.get(NAME), r.get(ADDRESS),
                r.get(LAT).setScale(6, java.math.RoundingMode.HALF_UP), r.get(LON).setScale(6, java.math.RoundingMode.HALF_UP),
                ZoneId.of(r.get(TIME_ZONE)), r.get(HOURS), r.get(PARKING), lines(r.get(PHOTOS)), lines(r.get(AMENITIES)),
                StationStatus.valueOf(r.get(STATUS)), r.get(TARIFF_ID), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
