package io.pylon.server.security;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.domain.tenant.Role;
import io.pylon.server.config.PylonProperties;
import java.util.List;
import org.jooq.impl.DSL;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * People who use the API. On first start the {@code admin} account is created with
 * PYLON_ADMIN_PASSWORD, or with a generated password printed once.
 */
@Component
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    private static final Table<Record> APP_USER = table(name("app_user"));
    private static final Field<String> USERNAME = field(name("username"), SQLDataType.VARCHAR);
    private static final Field<String> PASSWORD_HASH = field(name("password_hash"), SQLDataType.VARCHAR);
    private static final Field<String> ROLE = field(name("role"), SQLDataType.VARCHAR);
    private static final Field<java.time.Instant> CREATED_AT = field(name("created_at"), SQLDataType.INSTANT);
    /** A hash to compare against when the user does not exist, so timing does not reveal user names. */
    private final String decoyHash;

    /** A person's account (never with the password hash). */
    public record Account(String username, Role role, Long operatorId, Long organisationId, String displayName,
                          boolean enabled, List<Long> stationIds) {}

    private static final Field<Long> OPERATOR_ID = field(name("operator_id"), SQLDataType.BIGINT);
    private static final Field<Long> ORGANISATION_ID = field(name("organisation_id"), SQLDataType.BIGINT);
    private static final Field<String> DISPLAY_NAME = field(name("display_name"), SQLDataType.VARCHAR);
    private static final Field<Boolean> ENABLED = field(name("enabled"), SQLDataType.BOOLEAN);
    private static final Field<java.time.Instant> UPDATED_AT = field(name("updated_at"), SQLDataType.INSTANT);
    private static final Table<Record> USER_STATION = table(name("user_station"));
    private static final Field<Long> STATION_ID = field(name("station_id"), SQLDataType.BIGINT);
    private static final Table<Record> OPERATOR = table(name("operator"));
    private static final List<Field<?>> COLUMNS = List.of(USERNAME, PASSWORD_HASH, ROLE, OPERATOR_ID, ORGANISATION_ID,
            DISPLAY_NAME, ENABLED);

    private final DSLContext db;
    private final PasswordEncoder encoder;
    private final PylonProperties properties;
    private final Clock clock;

    public UserAccounts(DSLContext db, PasswordEncoder encoder, PylonProperties properties, Clock clock) {
        this.db = db;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
        this.decoyHash = encoder.encode("decoy-" + System.nanoTime());
    }

    /** The account if the password matches, the account is enabled and its operator is not suspended. */
    public Optional<Account> authenticate(String username, String password) {
        Record user = db.select(COLUMNS).from(APP_USER).where(USERNAME.eq(username)).fetchOne();
        if (user == null) {
            encoder.matches(password, decoyHash);
            return Optional.empty();
        }
        if (!encoder.matches(password, user.get(PASSWORD_HASH)) || !user.get(ENABLED) || suspended(user.get(OPERATOR_ID))) {
            return Optional.empty();
        }
        return Optional.of(toAccount(user));
    }

    private boolean suspended(Long operatorId) {
        return operatorId != null && db.fetchExists(OPERATOR, field(name("id"), Long.class).eq(operatorId)
                .and(field(name("status"), String.class).eq("SUSPENDED")));
    }

    public Optional<Account> find(String username) {
        return db.select(COLUMNS).from(APP_USER).where(USERNAME.eq(username)).fetchOptional(this::toAccount);
    }

    /** Accounts of one operator (or all, for a null operator). */
    public List<Account> list(Long operatorId) {
        return db.select(COLUMNS).from(APP_USER).where(operatorId == null ? DSL.noCondition() : OPERATOR_ID.eq(operatorId))
                .orderBy(USERNAME).fetch(this::toAccount);
    }

    /** Creates an account; false if the user name is taken. */
    public boolean create(String username, String password, Role role, Long operatorId, Long organisationId, String displayName) {
        var now = clock.instant();
        return db.insertInto(APP_USER).set(USERNAME, username).set(PASSWORD_HASH, encoder.encode(password))
                .set(ROLE, role.name()).set(OPERATOR_ID, operatorId).set(ORGANISATION_ID, organisationId)
                .set(DISPLAY_NAME, displayName).set(ENABLED, true).set(CREATED_AT, now).set(UPDATED_AT, now)
                .onConflict(field(APP_USER.getQualifiedName().append("username"))).doNothing().execute() == 1;
    }

    /** Changes role, organisation, name, enabled and (when given) the password. */
    public void update(String username, Role role, Long organisationId, String displayName, boolean enabled, String password) {
        var update = db.update(APP_USER).set(ROLE, role.name()).set(ORGANISATION_ID, organisationId)
                .set(DISPLAY_NAME, displayName).set(ENABLED, enabled).set(UPDATED_AT, clock.instant());
        if (password != null) {
            update = update.set(PASSWORD_HASH, encoder.encode(password));
        }
        update.where(USERNAME.eq(username)).execute();
    }

    /** Replaces the stations a station manager is assigned to. */
    public void assignStations(String username, List<Long> stationIds) {
        db.deleteFrom(USER_STATION).where(USERNAME.eq(username)).execute();
        for (Long station : stationIds) {
            db.insertInto(USER_STATION).set(USERNAME, username).set(STATION_ID, station).execute();
        }
    }

    private Account toAccount(Record r) {
        List<Long> stations = db.select(STATION_ID).from(USER_STATION).where(USERNAME.eq(r.get(USERNAME)))
                .orderBy(STATION_ID).fetch(org.jooq.Record1::value1);
        return new Account(r.get(USERNAME), Role.valueOf(r.get(ROLE)), r.get(OPERATOR_ID), r.get(ORGANISATION_ID),
                r.get(DISPLAY_NAME), r.get(ENABLED), stations);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createFirstAdmin() {
        if (db.fetchExists(APP_USER, USERNAME.eq("admin"))) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = generatePassword();
        }
        try {
            db.insertInto(APP_USER).set(USERNAME, "admin").set(PASSWORD_HASH, encoder.encode(password))
                    .set(ROLE, "PLATFORM_ADMIN").set(CREATED_AT, clock.instant()).onConflict(field(APP_USER.getQualifiedName().append("username"))).doNothing().execute();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // Another node of the cluster, starting at the same time, created it first (H2 emulates ON CONFLICT).
            if (db.fetchExists(APP_USER, USERNAME.eq("admin"))) return;
            throw e;
        }
        if (generated) {
            String line = "First admin created: user 'admin', password '" + password
                    + "' (shown once; set PYLON_ADMIN_PASSWORD to choose it)";
            System.out.println(line);
            log.info("First admin created with a generated password (printed on standard output)");
        } else {
            log.info("First admin created with the password from PYLON_ADMIN_PASSWORD");
        }
    }

    private static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
