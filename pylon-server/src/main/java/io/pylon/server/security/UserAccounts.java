package io.pylon.server.security;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.server.config.PylonProperties;
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

    public record Account(String username, String role) {}

    private static final java.util.List<org.jooq.Field<?>> COLUMNS = java.util.List.of(USERNAME, PASSWORD_HASH, ROLE);

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

    /** The account if the password matches. */
    public Optional<Account> authenticate(String username, String password) {
        Record user = db.select(COLUMNS).from(APP_USER).where(USERNAME.eq(username)).fetchOne();
        if (user == null) {
            encoder.matches(password, decoyHash);
            return Optional.empty();
        }
        return encoder.matches(password, user.get(PASSWORD_HASH))
                ? Optional.of(new Account(user.get(USERNAME), user.get(ROLE))) : Optional.empty();
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
        db.insertInto(APP_USER).set(USERNAME, "admin").set(PASSWORD_HASH, encoder.encode(password))
                .set(ROLE, "PLATFORM_ADMIN").set(CREATED_AT, clock.instant()).onConflict(field(APP_USER.getQualifiedName().append("username"))).doNothing().execute();
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
