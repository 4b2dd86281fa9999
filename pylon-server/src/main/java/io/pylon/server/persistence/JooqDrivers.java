package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.driver.DriverStatus;
import io.pylon.domain.driver.Vehicle;
import io.pylon.domain.tenant.TenantScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Drivers and their vehicles; every read is scoped to an operator. */
@Repository
public class JooqDrivers {

    private static final Field<String> PHONE = str("phone");
    private static final Field<String> EMAIL = str("email");
    private static final Field<String> PASSWORD_HASH = str("password_hash");
    private static final Field<String> PLATE = str("plate");
    private static final Field<String> VIN = str("vin");
    private static final Field<Boolean> IS_DEFAULT = bool("is_default");
    private static final List<Field<?>> COLUMNS = List.of(LONG_ID, OPERATOR_ID, PHONE, EMAIL, NAME, STATUS, CREATED_AT);
    private static final List<Field<?>> VEHICLE_COLUMNS = List.of(LONG_ID, DRIVER_ID, PLATE, VIN, IS_DEFAULT, CREATED_AT);

    private final DSLContext db;

    public JooqDrivers(DSLContext db) {
        this.db = db;
    }

    public Optional<Driver> find(TenantScope scope, long id) {
        return db.select(COLUMNS).from(DRIVER).where(LONG_ID.eq(id)).and(operatorScoped(scope))
                .fetchOptional(JooqDrivers::toDriver);
    }

    /** A driver by phone or e-mail at an operator, with the password hash (for sign-in). */
    public Optional<Login> login(long operatorId, String phoneOrEmail) {
        return db.select(COLUMNS).select(PASSWORD_HASH).from(DRIVER).where(OPERATOR_ID.eq(operatorId))
                .and(PHONE.eq(phoneOrEmail).or(EMAIL.eq(phoneOrEmail)))
                .fetchOptional(r -> new Login(toDriver(r), r.get(PASSWORD_HASH)));
    }

    public record Login(Driver driver, String passwordHash) {}

    public Page<Driver> list(TenantScope scope, String text, DriverStatus status, PageRequest page) {
        Condition where = operatorScoped(scope);
        if (text != null && !text.isBlank()) {
            String like = "%" + text.toLowerCase() + "%";
            where = where.and(DSL.lower(NAME).like(like).or(PHONE.like(like)).or(DSL.lower(EMAIL).like(like)));
        }
        if (status != null) where = where.and(STATUS.eq(status.name()));
        long total = db.fetchCount(DRIVER, where);
        return new Page<>(db.select(COLUMNS).from(DRIVER).where(where).orderBy(LONG_ID).limit(page.size())
                .offset(page.offset()).fetch(JooqDrivers::toDriver), page.page(), page.size(), total);
    }

    /** Inserts a driver; empty if the phone or e-mail is already used at this operator. */
    public Optional<Long> insert(long operatorId, String phone, String email, String name, String passwordHash, Instant now) {
        try {
            return Optional.of(db.insertInto(DRIVER).set(OPERATOR_ID, operatorId).set(PHONE, phone).set(EMAIL, email)
                    .set(NAME, name).set(PASSWORD_HASH, passwordHash).set(STATUS, DriverStatus.ACTIVE.name())
                    .set(CREATED_AT, now).set(UPDATED_AT, now).returningResult(LONG_ID).fetchOne().value1());
        } catch (org.jooq.exception.IntegrityConstraintViolationException | org.springframework.dao.DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /** Changes name, contact and status; false if the phone or e-mail collides with another driver. */
    public boolean update(Driver d, Instant now) {
        try {
            db.update(DRIVER).set(PHONE, d.phone()).set(EMAIL, d.email()).set(NAME, d.name()).set(STATUS, d.status().name())
                    .set(UPDATED_AT, now).where(LONG_ID.eq(d.id())).execute();
            return true;
        } catch (org.jooq.exception.IntegrityConstraintViolationException | org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    public void setPassword(long driverId, String passwordHash, Instant now) {
        db.update(DRIVER).set(PASSWORD_HASH, passwordHash).set(UPDATED_AT, now).where(LONG_ID.eq(driverId)).execute();
    }

    public List<Vehicle> vehicles(long driverId) {
        return db.select(VEHICLE_COLUMNS).from(VEHICLE).where(DRIVER_ID.eq(driverId)).orderBy(LONG_ID)
                .fetch(JooqDrivers::toVehicle);
    }

    public Optional<Vehicle> vehicle(long driverId, long vehicleId) {
        return db.select(VEHICLE_COLUMNS).from(VEHICLE).where(DRIVER_ID.eq(driverId)).and(LONG_ID.eq(vehicleId))
                .fetchOptional(JooqDrivers::toVehicle);
    }

    /** Adds a vehicle (the first one becomes the default); empty if the VIN is taken at this operator. */
    public Optional<Vehicle> addVehicle(long operatorId, long driverId, String plate, String vin, boolean makeDefault, Instant now) {
        boolean first = !db.fetchExists(VEHICLE, DRIVER_ID.eq(driverId));
        try {
            long id = db.insertInto(VEHICLE).set(OPERATOR_ID, operatorId).set(DRIVER_ID, driverId).set(PLATE, plate)
                    .set(VIN, vin).set(IS_DEFAULT, false).set(CREATED_AT, now).returningResult(LONG_ID).fetchOne().value1();
            if (first || makeDefault) makeDefault(driverId, id);
            return vehicle(driverId, id);
        } catch (org.jooq.exception.IntegrityConstraintViolationException | org.springframework.dao.DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /** Changes a vehicle's plate and VIN; false if the VIN is taken at this operator. */
    public boolean updateVehicle(long driverId, long vehicleId, String plate, String vin) {
        try {
            return db.update(VEHICLE).set(PLATE, plate).set(VIN, vin).where(DRIVER_ID.eq(driverId)).and(LONG_ID.eq(vehicleId))
                    .execute() == 1;
        } catch (org.jooq.exception.IntegrityConstraintViolationException | org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    public void makeDefault(long driverId, long vehicleId) {
        db.update(VEHICLE).set(IS_DEFAULT, LONG_ID.eq(vehicleId)).where(DRIVER_ID.eq(driverId)).execute();
    }

    public boolean deleteVehicle(long driverId, long vehicleId) {
        return db.deleteFrom(VEHICLE).where(DRIVER_ID.eq(driverId)).and(LONG_ID.eq(vehicleId)).execute() == 1;
    }

    private static Condition operatorScoped(TenantScope scope) {
        return scope.isPlatform() ? DSL.noCondition() : OPERATOR_ID.eq(scope.operatorId());
    }

    private static Driver toDriver(Record r) {
        return new Driver(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(PHONE), r.get(EMAIL), r.get(NAME),
                DriverStatus.valueOf(r.get(STATUS)), r.get(CREATED_AT));
    }

    private static Vehicle toVehicle(Record r) {
        return new Vehicle(r.get(LONG_ID), r.get(DRIVER_ID), r.get(PLATE), r.get(VIN), r.get(IS_DEFAULT), r.get(CREATED_AT));
    }
}
