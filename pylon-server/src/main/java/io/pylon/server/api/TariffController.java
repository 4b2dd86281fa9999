package io.pylon.server.api;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.BillFlag;
import io.pylon.domain.billing.BillLine;
import io.pylon.domain.billing.BillingEngine;
import io.pylon.domain.billing.EnergyPoint;
import io.pylon.domain.billing.SessionUsage;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.money.Money;
import io.pylon.domain.station.Station;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.DaySchedule;
import io.pylon.domain.tariff.DayType;
import io.pylon.domain.tariff.IdleFeeRule;
import io.pylon.domain.tariff.Tariff;
import io.pylon.domain.tariff.TariffTerms;
import io.pylon.domain.tariff.TariffVersion;
import io.pylon.domain.tenant.Operator;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.persistence.JooqTariffs;
import io.pylon.server.persistence.JooqTariffs.Holiday;
import io.pylon.server.persistence.JooqTariffs.Stored;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Time-of-use tariffs (分时电价: what a kWh costs at 19:00), their versions, the tariff each station bills
 * with, bill previews, and each operator's holiday calendar (public holidays and 调休 make-up working days).
 * Versions are append-only: a revision takes effect now or later and sessions bill with the version in
 * force at their start, so a revision never changes a running session.
 */
@Tag(name = "Tariffs", description = "Time-of-use tariffs, their versions, bill previews and the holiday calendar")
@Validated
@RestController
@RequestMapping("/api/v1")
public class TariffController {

    /** A session that lasts longer than this is refused by the preview (it is a typing error, not a session). */
    static final Duration MAX_PREVIEW = Duration.ofDays(31);

    // --- requests ---

    /** Unit prices per kWh of one band, at most 5 decimals. */
    public record PriceRequest(@NotBlank String band,
                               @NotNull @DecimalMin("0") @Digits(integer = 7, fraction = 5) BigDecimal electricityPerKwh,
                               @NotNull @DecimalMin("0") @Digits(integer = 7, fraction = 5) BigDecimal servicePerKwh) {}

    /** Idle (occupancy) fee per whole minute after {@code graceMinutes}, limited to {@code cap} if set. */
    public record IdleFeeRequest(@NotNull @DecimalMin("0") @Digits(integer = 7, fraction = 5) BigDecimal perMinute,
                                 @Min(0) @Max(1440) Integer graceMinutes,
                                 @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal cap) {}

    /**
     * What a version charges. Schedules are ranges on half-hour boundaries covering the whole local day,
     * e.g. {@code "00:00-08:00 VALLEY, 08:00-10:00 FLAT, 10:00-24:00 PEAK"}; bands are SHARP (尖), PEAK (峰),
     * FLAT (平), VALLEY (谷). Without a holiday schedule holidays use the workday schedule. The currency is
     * the operator's; it may be given but must match.
     */
    public record TermsRequest(@Size(min = 3, max = 3) String currency,
                               @NotBlank @Size(max = 600) String workdaySchedule,
                               @Size(max = 600) String holidaySchedule,
                               @NotEmpty @Size(max = 4) List<@NotNull @Valid PriceRequest> prices,
                               @Valid IdleFeeRequest idleFee,
                               @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal sessionFee) {}

    /** A new tariff, in force at once; {@code operatorId} is for platform admins only. */
    public record TariffRequest(Long operatorId, @NotBlank @Size(max = 200) String name, Boolean template,
                                @NotNull @Valid TermsRequest terms) {}

    /** A new version, in force from {@code effectiveFrom} (now or later; default now). */
    public record VersionRequest(Instant effectiveFrom, @NotNull @Valid TermsRequest terms) {}

    /** The tariff a station bills with; null removes it. */
    public record AssignRequest(Long tariffId) {}

    public record SampleRequest(@NotNull Instant at, @NotNull @Min(0) Long registerWh) {}

    /**
     * A session to price: {@code energyWh}, or the meter register at start and stop (samples are register
     * readings in between; with {@code energyWh} the register starts at 0). {@code chargingFinishedAt} and
     * {@code pluggedOutAt} decide the idle fee. The version in force at {@code startedAt} is used unless
     * {@code version} names one; local times are in {@code timeZone} (default: the operator's).
     */
    public record PreviewRequest(@NotNull Instant startedAt, @NotNull Instant stoppedAt, @Min(0) Long energyWh,
                                 @Min(0) Long meterStartWh, @Min(0) Long meterStopWh,
                                 @Size(max = 5000) List<@NotNull @Valid SampleRequest> samples,
                                 Instant chargingFinishedAt, Instant pluggedOutAt, @Size(max = 64) String timeZone,
                                 @Min(1) Integer version) {}

    /** A listed day: HOLIDAY (public holiday) or WORKDAY (a make-up working day on a weekend, 调休上班). */
    public record HolidayRequest(@NotBlank String kind, @Size(max = 100) String name) {}

    // --- responses ---

    public record PriceView(Band band, BigDecimal electricityPerKwh, BigDecimal servicePerKwh) {}

    /** A day schedule as text and as 48 half-hour slots (slot i starts at i × 30 min local time). */
    public record ScheduleView(String text, List<Band> slots) {}

    public record IdleFeeView(BigDecimal perMinute, int graceMinutes, BigDecimal cap) {}

    public record VersionView(int version, Instant effectiveFrom, boolean inForce, String currency, List<PriceView> prices,
                              ScheduleView workdaySchedule, ScheduleView holidaySchedule, IdleFeeView idleFee,
                              BigDecimal sessionFee, Instant createdAt, String createdBy) {}

    /** A tariff with all its versions, newest first; {@code versionInForce} is null before the first starts. */
    public record TariffView(long id, long operatorId, String name, boolean template, String currency,
                             Integer versionInForce, int latestVersion, List<VersionView> versions, Instant createdAt,
                             Instant updatedAt) {}

    public record TariffSummary(long id, long operatorId, String name, boolean template, String currency,
                                Integer versionInForce, int latestVersion, Instant createdAt, Instant updatedAt) {}

    public record BillLineView(Band band, long energyWh, BigDecimal kwh, BigDecimal electricityPrice,
                               BigDecimal servicePrice, BigDecimal electricityAmount, BigDecimal serviceAmount,
                               BigDecimal amount) {}

    public record IdleChargeView(long idleMinutes, long billedMinutes, BigDecimal amount, boolean capped) {}

    /** A bill: lines per band, then totals; {@code total = electricityTotal + serviceTotal + idle fee + session fee}. */
    public record BillView(long tariffId, int tariffVersion, String currency, String timeZone, long energyWh,
                           List<BillLineView> lines, BigDecimal electricityTotal, BigDecimal serviceTotal,
                           IdleChargeView idleFee, BigDecimal sessionFee, BigDecimal total, Set<BillFlag> flags) {}

    public record HolidayView(long operatorId, LocalDate date, DayType kind, String name) {}

    private final JooqTariffs tariffs;
    private final JooqStations stations;
    private final JooqOperators operators;
    private final Callers callers;
    private final ActingOperator acting;
    private final AuditLog audit;
    private final java.time.Clock clock;
    private final BillingEngine billing = new BillingEngine();

    public TariffController(JooqTariffs tariffs, JooqStations stations, JooqOperators operators, Callers callers,
                            ActingOperator acting, AuditLog audit, java.time.Clock clock) {
        this.tariffs = tariffs;
        this.stations = stations;
        this.operators = operators;
        this.callers = callers;
        this.acting = acting;
        this.audit = audit;
        this.clock = clock;
    }

    // --- tariffs ---

    @Operation(summary = "List tariffs")
    @GetMapping("/tariffs")
    @PreAuthorize("hasAuthority('PERM_TARIFFS_READ')")
    public PageResponse<TariffSummary> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                            @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Instant now = now();
        return PageResponse.of(tariffs.list(callers.scope(), new PageRequest(page, size)), s -> summary(s, now));
    }

    @Operation(summary = "A tariff with all its versions, newest first")
    @GetMapping("/tariffs/{id}")
    @PreAuthorize("hasAuthority('PERM_TARIFFS_READ')")
    public TariffView get(@PathVariable long id) {
        return view(stored(id), now());
    }

    @Operation(summary = "Create a tariff, in force at once", description = "Prices are in the operator's currency")
    @PostMapping("/tariffs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_TARIFFS_WRITE')")
    @Transactional
    public TariffView create(@Valid @RequestBody TariffRequest r) {
        long operatorId = acting.resolve(r.operatorId());
        TariffTerms terms = terms(r.terms(), operator(operatorId).currency());
        Instant now = now();
        String actor = callers.current().username();
        long id = tariffs.insert(operatorId, r.name().strip(), Boolean.TRUE.equals(r.template()),
                new TariffVersion(0, 1, now, terms), now, actor);
        TariffView created = view(tariffs.find(io.pylon.domain.tenant.TenantScope.operator(operatorId), id).orElseThrow(), now);
        audit.record(actor, operatorId, AuditLog.Action.CREATE, "tariff", id, null, created);
        return created;
    }

    @Operation(summary = "Revise a tariff: add a version in force from effectiveFrom (now or later)",
            description = "Sessions bill with the version in force at their start, so a running session keeps its prices. "
                    + "Two revisions at the same time: one wins, the other gets 409.")
    @PostMapping("/tariffs/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_TARIFFS_WRITE')")
    @Transactional
    public TariffView revise(@PathVariable long id, @Valid @RequestBody VersionRequest r) {
        Stored before = stored(id);
        Tariff tariff = before.tariff();
        TariffTerms terms = terms(r.terms(), operator(tariff.operatorId()).currency());
        Instant now = now();
        Instant from = r.effectiveFrom() == null ? now : r.effectiveFrom().truncatedTo(ChronoUnit.MICROS);
        Tariff revised;
        try {
            revised = tariff.revise(terms, from, now);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("effectiveFrom: " + e.getMessage());
        }
        String actor = callers.current().username();
        if (!tariffs.appendVersion(revised.latest(), now, actor)) {
            throw new ConflictException("Tariff " + id + " was revised by someone else at the same time; reload it and try again");
        }
        TariffView after = view(tariffs.find(io.pylon.domain.tenant.TenantScope.operator(tariff.operatorId()), id).orElseThrow(), now);
        audit.record(actor, tariff.operatorId(), AuditLog.Action.UPDATE, "tariff", id, view(before, now), after);
        return after;
    }

    @Operation(summary = "What a session would cost under this tariff",
            description = "The full bill: energy and amounts per band, idle fee, session fee and totals, with the "
                    + "operator's holiday calendar")
    @PostMapping("/tariffs/{id}/preview")
    @PreAuthorize("hasAuthority('PERM_TARIFFS_READ')")
    public BillView preview(@PathVariable long id, @Valid @RequestBody PreviewRequest r) {
        Stored stored = stored(id);
        Tariff tariff = stored.tariff();
        ZoneId zone = r.timeZone() == null ? operator(tariff.operatorId()).timeZone() : OperatorController.zone(r.timeZone());
        SessionUsage usage = usage(r);
        TariffVersion version;
        if (r.version() != null) {
            version = tariff.versions().stream().filter(v -> v.version() == r.version()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("version: tariff " + id + " has no version " + r.version()));
        } else {
            version = tariff.versionAt(r.startedAt()).orElseThrow(() -> new IllegalArgumentException(
                    "startedAt: tariff " + id + " has no version in force at " + r.startedAt() + " (the first starts at "
                            + tariff.versions().getFirst().effectiveFrom() + "); name a version to price it anyway"));
        }
        Bill bill = billing.bill(version, zone, tariffs.calendar(tariff.operatorId()), usage);
        return billView(bill, zone);
    }

    @Operation(summary = "Set the tariff a station bills with", description = "The tariff must be of the station's "
            + "operator; a tariff that is not a template serves one station only. tariffId null removes it.")
    @PutMapping("/stations/{id}/tariff")
    @PreAuthorize("hasAuthority('PERM_TARIFFS_WRITE')")
    @Transactional
    public Station assign(@PathVariable long id, @RequestBody AssignRequest r) {
        var scope = callers.scope();
        Station before = stations.find(scope, id).orElseThrow(() -> new NoSuchElementException("Station " + id));
        if (r.tariffId() != null) {
            Stored tariff = tariffs.find(scope, r.tariffId()).filter(t -> t.tariff().operatorId() == before.operatorId())
                    .orElseThrow(() -> new IllegalArgumentException("tariffId: no tariff " + r.tariffId()
                            + " at the station's operator"));
            if (!tariff.template()) {
                List<Long> others = tariffs.stationsUsing(r.tariffId()).stream().filter(s -> s != id).toList();
                if (!others.isEmpty()) {
                    throw new ConflictException("Tariff " + r.tariffId() + " is not a template and already serves station "
                            + others.getFirst());
                }
            }
        }
        tariffs.assign(id, r.tariffId(), now());
        Station after = stations.find(scope, id).orElseThrow();
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "station", id, before, after);
        return after;
    }

    // --- holiday calendar ---

    @Operation(summary = "The operator's listed days: public holidays and make-up working days",
            description = "Unlisted Saturdays and Sundays are holidays, other days working days. operatorId is for "
                    + "platform-wide roles only.")
    @GetMapping("/holidays")
    @PreAuthorize("hasAuthority('PERM_TARIFFS_READ')")
    public List<HolidayView> holidays(@RequestParam(required = false) @Min(1900) @Max(9999) Integer year,
                                      @RequestParam(required = false) Long operatorId) {
        long operator = acting.resolve(operatorId);
        return tariffs.holidays(operator, year).stream().map(h -> holidayView(operator, h)).toList();
    }

    @GetMapping("/holidays/{date}")
    @PreAuthorize("hasAuthority('PERM_TARIFFS_READ')")
    public HolidayView holiday(@PathVariable LocalDate date, @RequestParam(required = false) Long operatorId) {
        long operator = acting.resolve(operatorId);
        return tariffs.holiday(operator, date).map(h -> holidayView(operator, h))
                .orElseThrow(() -> new NoSuchElementException("Listed day " + date));
    }

    @Operation(summary = "List a day in the caller's operator calendar (replaces what was listed for it)")
    @PutMapping("/holidays/{date}")
    @PreAuthorize("hasAuthority('PERM_TARIFFS_WRITE')")
    @Transactional
    public HolidayView putHoliday(@PathVariable LocalDate date, @Valid @RequestBody HolidayRequest r,
                                  @RequestParam(required = false) Long operatorId) {
        long operator = acting.resolve(operatorId);
        DayType kind;
        try {
            kind = DayType.valueOf(r.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind: HOLIDAY or WORKDAY, not '" + r.kind() + "'");
        }
        if (kind == DayType.WORKDAY && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw new IllegalArgumentException("kind: " + date + " is a " + date.getDayOfWeek()
                    + ", already a working day; WORKDAY lists a weekend day worked instead (调休)");
        }
        HolidayView before = tariffs.holiday(operator, date).map(h -> holidayView(operator, h)).orElse(null);
        String name = r.name() == null || r.name().isBlank() ? null : r.name().strip();
        tariffs.putHoliday(operator, new Holiday(date, kind, name));
        HolidayView after = holiday(date, operatorId);
        audit.record(callers.current().username(), operator, before == null ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE,
                "holiday", date, before, after);
        return after;
    }

    @DeleteMapping("/holidays/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_TARIFFS_WRITE')")
    @Transactional
    public void deleteHoliday(@PathVariable LocalDate date, @RequestParam(required = false) Long operatorId) {
        HolidayView before = holiday(date, operatorId);
        tariffs.deleteHoliday(before.operatorId(), date);
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.DELETE, "holiday", date, before, null);
    }

    // --- helpers ---

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Stored stored(long id) {
        return tariffs.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Tariff " + id));
    }

    private Operator operator(long id) {
        return operators.find(id).orElseThrow();
    }

    /** The domain's terms from a request, every refusal naming the request field at fault. */
    static TariffTerms terms(TermsRequest t, Currency currency) {
        if (t.currency() != null && !t.currency().equalsIgnoreCase(currency.getCurrencyCode())) {
            throw new IllegalArgumentException("terms.currency: tariffs are in the operator's currency "
                    + currency.getCurrencyCode() + ", not " + t.currency());
        }
        DaySchedule workday = schedule(t.workdaySchedule(), "terms.workdaySchedule");
        DaySchedule holiday = t.holidaySchedule() == null || t.holidaySchedule().isBlank() ? null
                : schedule(t.holidaySchedule(), "terms.holidaySchedule");
        Map<Band, BandPrice> prices = new EnumMap<>(Band.class);
        for (int i = 0; i < t.prices().size(); i++) {
            PriceRequest p = t.prices().get(i);
            String field = "terms.prices[" + i + "]";
            Band band = band(p.band(), field + ".band");
            if (prices.containsKey(band)) {
                throw new IllegalArgumentException(field + ".band: a second price for " + band);
            }
            try {
                prices.put(band, new BandPrice(band, p.electricityPerKwh(), p.servicePerKwh()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": " + e.getMessage());
            }
        }
        Set<Band> unpriced = EnumSet.copyOf(workday.bandsUsed());
        if (holiday != null) unpriced.addAll(holiday.bandsUsed());
        unpriced.removeAll(prices.keySet());
        if (!unpriced.isEmpty()) {
            throw new IllegalArgumentException("terms.prices: no price for band(s) " + unpriced + " used by the schedules");
        }
        IdleFeeRule idle = null;
        if (t.idleFee() != null) {
            IdleFeeRequest f = t.idleFee();
            Money cap = f.cap() == null ? null : money(f.cap(), currency, "terms.idleFee.cap");
            try {
                idle = new IdleFeeRule(f.perMinute(), f.graceMinutes() == null ? 0 : f.graceMinutes(), cap);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("terms.idleFee: " + e.getMessage());
            }
        }
        Money sessionFee = t.sessionFee() == null ? null : money(t.sessionFee(), currency, "terms.sessionFee");
        try {
            return new TariffTerms(currency, prices, workday, holiday, idle, sessionFee);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("terms: " + e.getMessage());
        }
    }

    private static DaySchedule schedule(String text, String field) {
        try {
            return DaySchedule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    private static Band band(String name, String field) {
        try {
            return Band.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": unknown band '" + name + "' (SHARP, PEAK, FLAT or VALLEY)");
        }
    }

    private static Money money(BigDecimal amount, Currency currency, String field) {
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    static SessionUsage usage(PreviewRequest r) {
        if (r.stoppedAt().isBefore(r.startedAt())) {
            throw new IllegalArgumentException("stoppedAt: before startedAt");
        }
        if (Duration.between(r.startedAt(), r.stoppedAt()).compareTo(MAX_PREVIEW) > 0) {
            throw new IllegalArgumentException("stoppedAt: a session lasts at most " + MAX_PREVIEW.toDays() + " days");
        }
        long start;
        long stop;
        if (r.energyWh() != null) {
            if (r.meterStartWh() != null || r.meterStopWh() != null) {
                throw new IllegalArgumentException("energyWh: give energyWh or meterStartWh and meterStopWh, not both");
            }
            start = 0;
            stop = r.energyWh();
        } else {
            if (r.meterStartWh() == null || r.meterStopWh() == null) {
                throw new IllegalArgumentException("energyWh: give energyWh, or meterStartWh and meterStopWh");
            }
            start = r.meterStartWh();
            stop = r.meterStopWh();
            if (stop < start) {
                throw new IllegalArgumentException("meterStopWh: below meterStartWh");
            }
        }
        if (r.chargingFinishedAt() != null && r.chargingFinishedAt().isBefore(r.startedAt())) {
            throw new IllegalArgumentException("chargingFinishedAt: before startedAt");
        }
        if (r.pluggedOutAt() != null && r.pluggedOutAt().isBefore(r.startedAt())) {
            throw new IllegalArgumentException("pluggedOutAt: before startedAt");
        }
        List<EnergyPoint> samples = r.samples() == null ? List.of()
                : r.samples().stream().map(s -> new EnergyPoint(s.at(), s.registerWh())).toList();
        return new SessionUsage(r.startedAt(), start, r.stoppedAt(), stop, samples, r.chargingFinishedAt(), r.pluggedOutAt());
    }

    private static TariffSummary summary(Stored s, Instant now) {
        Tariff t = s.tariff();
        return new TariffSummary(t.id(), t.operatorId(), t.name(), s.template(), t.latest().currency().getCurrencyCode(),
                t.versionAt(now).map(TariffVersion::version).orElse(null), t.latest().version(), s.createdAt(), s.updatedAt());
    }

    private static TariffView view(Stored s, Instant now) {
        Tariff t = s.tariff();
        Integer inForce = t.versionAt(now).map(TariffVersion::version).orElse(null);
        List<VersionView> versions = new ArrayList<>();
        for (TariffVersion v : t.versions()) {
            TariffTerms terms = v.terms();
            var stamp = s.stamps().get(v.version());
            IdleFeeRule idle = terms.idleFee();
            versions.add(new VersionView(v.version(), v.effectiveFrom(), inForce != null && inForce == v.version(),
                    v.currency().getCurrencyCode(),
                    terms.prices().values().stream().map(p -> new PriceView(p.band(), p.electricityPerKwh(), p.servicePerKwh())).toList(),
                    scheduleView(terms.workdaySchedule()), terms.holidaySchedule() == null ? null : scheduleView(terms.holidaySchedule()),
                    new IdleFeeView(idle.perMinute(), idle.graceMinutes(), idle.cap() == null ? null : idle.cap().amount()),
                    terms.sessionFee().amount(), stamp == null ? null : stamp.createdAt(), stamp == null ? null : stamp.createdBy()));
        }
        versions.sort(Comparator.comparingInt(VersionView::version).reversed());
        return new TariffView(t.id(), t.operatorId(), t.name(), s.template(), t.latest().currency().getCurrencyCode(), inForce,
                t.latest().version(), versions, s.createdAt(), s.updatedAt());
    }

    private static ScheduleView scheduleView(DaySchedule schedule) {
        return new ScheduleView(schedule.format(), schedule.slots());
    }

    private static BillView billView(Bill bill, ZoneId zone) {
        List<BillLineView> lines = bill.lines().stream().map(TariffController::lineView).toList();
        var idle = bill.idleFee();
        return new BillView(bill.tariffId(), bill.tariffVersion(), bill.currency().getCurrencyCode(), zone.getId(),
                bill.energyWh(), lines, bill.electricityTotal().amount(), bill.serviceTotal().amount(),
                new IdleChargeView(idle.idleMinutes(), idle.billedMinutes(), idle.amount().amount(), idle.capped()),
                bill.sessionFee().amount(), bill.total().amount(), bill.flags());
    }

    private static BillLineView lineView(BillLine l) {
        return new BillLineView(l.band(), l.energyWh(), l.kwh(), l.electricityPrice(), l.servicePrice(),
                l.electricityAmount().amount(), l.serviceAmount().amount(), l.amount().amount());
    }

    private static HolidayView holidayView(long operatorId, Holiday h) {
        return new HolidayView(operatorId, h.date(), h.kind(), h.name());
    }
}
