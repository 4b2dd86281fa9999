package io.pylon.server.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.Instant;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Table and column names of the schema in {@code db/migration}, typed for jOOQ (no code generation). */
final class Db {
    private Db() {}

    static Field<String> str(String column) {
        return field(name(column), SQLDataType.VARCHAR);
    }

    static Field<Integer> integer(String column) {
        return field(name(column), SQLDataType.INTEGER);
    }

    static Field<Long> bigint(String column) {
        return field(name(column), SQLDataType.BIGINT);
    }

    static Field<Boolean> bool(String column) {
        return field(name(column), SQLDataType.BOOLEAN);
    }

    static Field<Instant> time(String column) {
        return field(name(column), SQLDataType.INSTANT);
    }

    static Field<java.time.LocalDate> date(String column) {
        return field(name(column), SQLDataType.LOCALDATE);
    }

    static Field<BigDecimal> decimal(String column) {
        return field(name(column), SQLDataType.NUMERIC(24, 6));
    }

    /** A column qualified by its table, for joins. */
    static <T> Field<T> col(Table<?> table, Field<T> column) {
        return field(table.getQualifiedName().append(column.getUnqualifiedName()), column.getDataType());
    }

    /**
     * The condition that a row owned by (operator_id, station_id) columns is visible in {@code scope}.
     * Pass a null station column for data owned by an operator as a whole.
     */
    static org.jooq.Condition scoped(io.pylon.domain.tenant.TenantScope scope, Field<Long> operatorColumn,
                                     Field<Long> stationColumn) {
        if (scope.isPlatform()) {
            return org.jooq.impl.DSL.noCondition();
        }
        org.jooq.Condition condition = operatorColumn.eq(scope.operatorId());
        if (scope.stationIds() != null) {
            condition = stationColumn == null || scope.stationIds().isEmpty() ? org.jooq.impl.DSL.falseCondition()
                    : condition.and(stationColumn.in(scope.stationIds()));
        }
        return condition;
    }

    /** Conflict keys must be qualified: jOOQ's MERGE emulation (H2) compares them with the source row. */
    static Field<?>[] key(Table<?> table, String... columns) {
        Field<?>[] fields = new Field<?>[columns.length];
        for (int i = 0; i < columns.length; i++) {
            fields[i] = field(table.getQualifiedName().append(columns[i]));
        }
        return fields;
    }

    static final Table<Record> CHARGER = table(name("charger"));
    static final Table<Record> CONNECTOR = table(name("connector"));
    static final Table<Record> STATUS_HISTORY = table(name("connector_status_history"));
    static final Table<Record> CHARGER_EVENT = table(name("charger_event"));
    static final Table<Record> ID_TOKEN = table(name("id_token"));
    static final Table<Record> RESERVATION = table(name("reservation"));
    static final Table<Record> SESSION = table(name("charging_session"));
    static final Table<Record> APP_USER = table(name("app_user"));
    static final Table<Record> OPERATOR = table(name("operator"));
    static final Table<Record> ORGANISATION = table(name("organisation"));
    static final Table<Record> STATION = table(name("station"));
    static final Table<Record> USER_STATION = table(name("user_station"));
    static final Table<Record> CONNECTOR_SPEC = table(name("connector_spec"));
    static final Table<Record> DRIVER = table(name("driver"));
    static final Table<Record> VEHICLE = table(name("vehicle"));
    static final Table<Record> AUDIT_LOG = table(name("audit_log"));
    static final Table<Record> TARIFF = table(name("tariff"));
    static final Table<Record> TARIFF_VERSION = table(name("tariff_version"));
    static final Table<Record> TARIFF_PRICE = table(name("tariff_price"));
    static final Table<Record> HOLIDAY = table(name("holiday"));

    static final Field<String> ID = str("id");
    static final Field<Long> LONG_ID = bigint("id");
    static final Field<Long> OPERATOR_ID = bigint("operator_id");
    static final Field<Long> STATION_ID = bigint("station_id");
    static final Field<Long> DRIVER_ID = bigint("driver_id");
    static final Field<String> NAME = str("name");
    static final Field<Integer> INT_ID = integer("id");
    static final Field<String> CHARGER_ID = str("charger_id");
    static final Field<Integer> CONNECTOR_ID = integer("connector_id");
    static final Field<String> STATUS = str("status");
    static final Field<String> ID_TAG = str("id_tag");
    static final Field<String> PARENT_ID_TAG = str("parent_id_tag");
    static final Field<String> DESCRIPTION = str("description");
    static final Field<Instant> CREATED_AT = time("created_at");
    static final Field<Instant> UPDATED_AT = time("updated_at");
}
