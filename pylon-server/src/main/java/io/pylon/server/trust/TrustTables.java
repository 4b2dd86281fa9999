package io.pylon.server.trust;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.time.LocalDate;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Tables and columns of {@code V13__trust.sql}, typed for jOOQ. */
final class TrustTables {
    private TrustTables() {}

    static final Table<Record> ENTRY = table(name("trust_log_entry"));
    static final Table<Record> NODE = table(name("trust_log_node"));
    static final Table<Record> HEAD = table(name("trust_tree_head"));
    static final Table<Record> STATE = table(name("trust_log_state"));
    static final Table<Record> METER = table(name("meter"));
    static final Table<Record> SIGNED_VALUE = table(name("signed_meter_value"));
    static final Table<Record> METER_CHECK = table(name("session_meter_check"));

    static final Field<Long> ENTRY_INDEX = bigint("entry_index");
    static final Field<String> KIND = str("kind");
    static final Field<String> SUBJECT = str("subject");
    static final Field<Long> OPERATOR_ID = bigint("operator_id");
    static final Field<byte[]> RECORD_BYTES = bytes("record_bytes");
    static final Field<byte[]> LEAF_HASH = bytes("leaf_hash");
    static final Field<Instant> APPENDED_AT = time("appended_at");
    static final Field<Integer> NODE_LEVEL = integer("node_level");
    static final Field<Long> NODE_INDEX = bigint("node_index");
    static final Field<byte[]> HASH = bytes("hash");
    static final Field<Long> TREE_SIZE = bigint("tree_size");
    static final Field<byte[]> ROOT_HASH = bytes("root_hash");
    static final Field<Instant> SIGNED_AT = time("signed_at");
    static final Field<String> KEY_ID = str("key_id");
    static final Field<byte[]> SIGNATURE = bytes("signature");
    static final Field<Integer> ID = integer("id");

    static final Field<Long> LONG_ID = bigint("id");
    static final Field<String> CHARGER_ID = str("charger_id");
    static final Field<Integer> CONNECTOR_ID = integer("connector_id");
    static final Field<Long> SESSION_ID = bigint("session_id");
    static final Field<String> SERIAL = str("serial");
    static final Field<String> PUBLIC_KEY = str("public_key");
    static final Field<LocalDate> FIRST_VERIFIED_ON = date("first_verified_on");
    static final Field<LocalDate> ROTATION_DUE_ON = date("rotation_due_on");
    static final Field<Instant> REMINDED_AT = time("reminded_at");
    static final Field<Instant> CREATED_AT = time("created_at");
    static final Field<Instant> SAMPLED_AT = time("sampled_at");
    static final Field<String> CONTEXT = str("context");
    static final Field<String> SIGNED_DATA = str("signed_data");
    static final Field<Instant> RECEIVED_AT = time("received_at");
    static final Field<String> STATUS = str("status");
    static final Field<String> REASON = str("reason");
    static final Field<String> METER_SERIAL = str("meter_serial");
    static final Field<Long> BEGIN_WH = bigint("begin_wh");
    static final Field<Long> END_WH = bigint("end_wh");
    static final Field<Instant> CHECKED_AT = time("checked_at");

    static final java.util.List<Field<?>> ENTRY_FIELDS = java.util.List.of(bigint("entry_index"), str("kind"), str("subject"),
            bigint("operator_id"), bytes("record_bytes"), bytes("leaf_hash"), time("appended_at"));
    static final java.util.List<Field<?>> HEAD_FIELDS = java.util.List.of(bigint("tree_size"), bytes("root_hash"),
            time("signed_at"), str("key_id"), bytes("signature"));
    static final java.util.List<Field<?>> METER_FIELDS = java.util.List.of(bigint("id"), bigint("operator_id"),
            str("charger_id"), integer("connector_id"), str("serial"), str("public_key"), date("first_verified_on"),
            date("rotation_due_on"));
    static final java.util.List<Field<?>> CHECK_FIELDS = java.util.List.of(str("status"), str("reason"),
            str("meter_serial"), bigint("begin_wh"), bigint("end_wh"));

    /** Conflict keys qualified by their table: jOOQ's MERGE emulation on H2 compares them with the source row. */
    static Field<?>[] key(Table<?> table, String... columns) {
        Field<?>[] fields = new Field<?>[columns.length];
        for (int i = 0; i < columns.length; i++) {
            fields[i] = field(table.getQualifiedName().append(columns[i]));
        }
        return fields;
    }

    static Field<String> str(String column) {
        return field(name(column), SQLDataType.VARCHAR);
    }

    static Field<Integer> integer(String column) {
        return field(name(column), SQLDataType.INTEGER);
    }

    static Field<Long> bigint(String column) {
        return field(name(column), SQLDataType.BIGINT);
    }

    static Field<Instant> time(String column) {
        return field(name(column), SQLDataType.INSTANT);
    }

    static Field<LocalDate> date(String column) {
        return field(name(column), SQLDataType.LOCALDATE);
    }

    static Field<byte[]> bytes(String column) {
        return field(name(column), SQLDataType.VARBINARY);
    }

    static Field<java.math.BigDecimal> decimal(String column) {
        return field(name(column), SQLDataType.NUMERIC(24, 6));
    }

    static Field<Boolean> bool(String column) {
        return field(name(column), SQLDataType.BOOLEAN);
    }
}
