package io.pylon.server.regulator;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.domain.metering.MeterVerification;
import io.pylon.domain.metering.MeteringService;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.trust.MerkleHash;
import io.pylon.server.trust.AnomalyController.AnomalyView;
import io.pylon.server.trust.JooqAnomalies;
import io.pylon.server.trust.Transparency;
import io.pylon.server.trust.TransparencyViews.ReceiptBundle;
import io.pylon.domain.tenant.TenantScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

/**
 * The regulator's portal (监管): every operator at once, read-only — counts, anomaly rates per operator, one
 * transaction drilled down to its signed meter data and transparency proof, and a CSV export for inspectors.
 * Regulators and platform admins only.
 */
@Tag(name = "Regulator", description = "Market supervision across all operators (read-only)")
@RestController
@RequestMapping("/api/v1/regulator")
@PreAuthorize("hasAnyRole('REGULATOR', 'PLATFORM_ADMIN')")
public class RegulatorController {

    public record Overview(long operators, long stations, long chargers, long transactions, long anomalies,
                           long criticalAnomalies, long openInspections, long logEntries) {}

    /** @param anomalyRate anomalies per finished transaction, 4 decimals */
    public record OperatorFigures(long operatorId, String name, long stations, long chargers, long transactions,
                                  long anomalies, long criticalAnomalies, BigDecimal anomalyRate) {}

    /** One transaction as the record shows it, with what backs it. */
    public record Transaction(long orderId, long sessionId, Long operatorId, Long stationId, String chargerId,
                              int connectorId, Instant startedAt, Instant stoppedAt, Long energyWh, String state,
                              String currency, BigDecimal total, String meterData, String meterDataReason,
                              List<String> signedData, ReceiptBundle transparency, List<AnomalyView> anomalies) {}

    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<Long> OPERATOR_ID = field(name("operator_id"), SQLDataType.BIGINT);
    private static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR);
    private static final Field<String> STATE = field(name("state"), SQLDataType.VARCHAR);
    private static final Field<String> SEVERITY = field(name("severity"), SQLDataType.VARCHAR);
    private static final Field<Instant> DONE_AT = field(name("done_at"), SQLDataType.INSTANT);
    private static final Field<Instant> STARTED_AT = field(name("started_at"), SQLDataType.INSTANT);
    private static final List<String> FINISHED = List.of("FINISHED", "SETTLED", "REFUNDED");
    static final int MAX_CSV_ROWS = 100_000;

    private final DSLContext db;
    private final OrderRepository orders;
    private final MeteringService metering;
    private final Transparency transparency;
    private final JooqAnomalies anomalies;

    public RegulatorController(DSLContext db, OrderRepository orders, MeteringService metering, Transparency transparency,
                               JooqAnomalies anomalies) {
        this.db = db;
        this.orders = orders;
        this.metering = metering;
        this.transparency = transparency;
        this.anomalies = anomalies;
    }

    @Operation(summary = "Counts across all operators")
    @GetMapping("/overview")
    public Overview overview() {
        return new Overview(db.fetchCount(table(name("operator"))), db.fetchCount(table(name("station"))),
                db.fetchCount(table(name("charger"))), db.fetchCount(table(name("charging_order")), STATE.in(FINISHED)),
                db.fetchCount(table(name("anomaly"))), db.fetchCount(table(name("anomaly")), SEVERITY.eq("CRITICAL")),
                db.fetchCount(table(name("inspection")), DONE_AT.isNull()), db.fetchCount(table(name("trust_log_entry"))));
    }

    @Operation(summary = "Per operator: stations, chargers, finished transactions, anomalies and the anomaly rate")
    @GetMapping("/operators")
    public List<OperatorFigures> operators() {
        Map<Long, Long> stations = countBy("station", null);
        Map<Long, Long> chargers = countBy("charger", null);
        Map<Long, Long> transactions = countBy("charging_order", STATE.in(FINISHED));
        Map<Long, Long> found = countBy("anomaly", null);
        Map<Long, Long> critical = countBy("anomaly", SEVERITY.eq("CRITICAL"));
        return db.select(ID, NAME).from(table(name("operator"))).orderBy(ID).fetch(r -> {
            long tx = transactions.getOrDefault(r.value1(), 0L);
            long a = found.getOrDefault(r.value1(), 0L);
            return new OperatorFigures(r.value1(), r.value2(), stations.getOrDefault(r.value1(), 0L),
                    chargers.getOrDefault(r.value1(), 0L), tx, a, critical.getOrDefault(r.value1(), 0L),
                    tx == 0 ? BigDecimal.ZERO.setScale(4) : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(tx), 4, RoundingMode.HALF_UP));
        });
    }

    @Operation(summary = "One transaction with its signed meter data, transparency proof and anomalies")
    @GetMapping("/transactions/{orderId}")
    public Transaction transaction(@PathVariable long orderId) {
        Order o = orders.find(orderId).orElseThrow(() -> new NoSuchElementException("Order " + orderId));
        MeterVerification v = metering.outcome(o.sessionId());
        return new Transaction(o.id(), o.sessionId(), o.operatorId(), o.stationId(), o.chargerId(), o.connectorId(),
                o.startedAt(), o.stoppedAt(), o.energyWh(), o.state().name(), o.currency().getCurrencyCode(),
                o.bill() == null ? null : o.bill().total().amount(), v.status().name(), v.reason(), v.signedData(),
                transparency.ofOrder(o.id()).map(transparency::bundle).orElse(null),
                anomalies.list(TenantScope.platform(), null, o.sessionId(), 100).stream().map(AnomalyView::of).toList());
    }

    @Operation(summary = "Finished transactions as CSV for inspectors", description = "Started in [from, to); newest last")
    @GetMapping(value = "/transactions.csv", produces = "text/csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) Long operatorId,
                                      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        var condition = STATE.in(FINISHED).or(STATE.eq("ABNORMAL"));
        if (operatorId != null) {
            condition = condition.and(OPERATOR_ID.eq(operatorId));
        }
        if (from != null) {
            condition = condition.and(STARTED_AT.ge(from));
        }
        if (to != null) {
            condition = condition.and(STARTED_AT.lt(to));
        }
        StringBuilder out = new StringBuilder("order_id,operator_id,station_id,charger_id,connector_id,started_at,stopped_at,"
                + "energy_wh,currency,total,state,meter_data,log_index,leaf_hash,anomalies\n");
        List<Long> ids = db.select(ID).from(table(name("charging_order"))).where(condition).orderBy(STARTED_AT, ID)
                .limit(MAX_CSV_ROWS).fetch(ID);
        for (long id : ids) {
            Order o = orders.find(id).orElseThrow();
            var entry = transparency.ofOrder(id);
            long found = anomalies.list(TenantScope.platform(), null, o.sessionId(), 1000).size();
            out.append(o.id()).append(',').append(nz(o.operatorId())).append(',').append(nz(o.stationId())).append(',')
                    .append(csvText(o.chargerId())).append(',').append(o.connectorId()).append(',').append(o.startedAt())
                    .append(',').append(nz(o.stoppedAt())).append(',').append(nz(o.energyWh())).append(',')
                    .append(o.currency().getCurrencyCode()).append(',')
                    .append(o.bill() == null ? "" : o.bill().total().amount().toPlainString()).append(',')
                    .append(o.state()).append(',').append(metering.outcome(o.sessionId()).status()).append(',')
                    .append(entry.map(e -> Long.toString(e.index())).orElse("")).append(',')
                    .append(entry.map(e -> MerkleHash.hex(e.leafHash())).orElse("")).append(',').append(found).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"transactions.csv\"").body(out.toString());
    }

    private Map<Long, Long> countBy(String tableName, org.jooq.Condition condition) {
        Map<Long, Long> counts = new HashMap<>();
        db.select(OPERATOR_ID, count()).from(table(name(tableName)))
                .where(condition == null ? org.jooq.impl.DSL.noCondition() : condition).groupBy(OPERATOR_ID)
                .forEach(r -> {
                    if (r.value1() != null) {
                        counts.put(r.value1(), r.value2().longValue());
                    }
                });
        return counts;
    }

    private static String nz(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A CSV field: quoted when it holds a comma, quote or line break; formula-leading characters neutralised. */
    static String csvText(String value) {
        if (value == null) {
            return "";
        }
        String v = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
