package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.marketing.CarbonFactor;
import io.pylon.domain.order.OrderSettings;
import io.pylon.domain.station.Station;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqCarbon;
import io.pylon.server.persistence.JooqCarbon.Factor;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Carbon factors: kg CO₂ a kWh of charging saves, per region code (e.g. a province, {@code CN-ZJ}) of the
 * operator; region {@code DEFAULT} is the operator's default. A station names its region; its sessions use that
 * region's factor, else the operator's default, else the platform's ({@code pylon.billing.carbon-kg-per-kwh}).
 * Receipts show the factor used.
 */
@Tag(name = "Marketing: carbon", description = "Carbon factors per region and the region of each station")
@Validated
@RestController
@RequestMapping("/api/v1")
public class CarbonController {

    static final String REGION_PATTERN = "[A-Z0-9][A-Z0-9_-]{0,31}";

    public record FactorRequest(@NotNull @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 4) BigDecimal kgPerKwh) {}

    /** The region a station is in; null: none (the operator's default applies). */
    public record RegionRequest(String region) {}

    /** The factor a station's sessions use and where it comes from: STATION_REGION, OPERATOR_DEFAULT or PLATFORM_DEFAULT. */
    public record EffectiveView(long stationId, String stationRegion, String region, BigDecimal kgPerKwh, String source) {}

    private final JooqCarbon carbon;
    private final JooqStations stations;
    private final Callers callers;
    private final ActingOperator acting;
    private final OrderSettings platform;
    private final MarketingSupport support;

    public CarbonController(JooqCarbon carbon, JooqStations stations, Callers callers, ActingOperator acting,
                            OrderSettings platform, MarketingSupport support) {
        this.carbon = carbon;
        this.stations = stations;
        this.callers = callers;
        this.acting = acting;
        this.platform = platform;
        this.support = support;
    }

    @Operation(summary = "List carbon factors", description = "Each with the stations named in its region; filter by region")
    @GetMapping("/carbon-factors")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ')")
    public PageResponse<Factor> list(@RequestParam(required = false) String region,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(carbon.factors(callers.scope(), region == null ? null : region(region, "region"),
                new PageRequest(page, size)), f -> f);
    }

    @Operation(summary = "Set the factor of a region of the caller's operator (DEFAULT: the operator's default)",
            description = "operatorId is for platform admins only")
    @PutMapping("/carbon-factors/{region}")
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public Factor put(@PathVariable String region, @Valid @RequestBody FactorRequest r,
                      @RequestParam(required = false) Long operatorId) {
        long operator = acting.resolve(operatorId);
        String code = region(region, "region");
        Factor before = carbon.factor(operator, code).orElse(null);
        carbon.put(operator, code, r.kgPerKwh(), support.actor(), support.now());
        Factor after = carbon.factor(operator, code).orElseThrow();
        support.audit(operator, before == null ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE, "carbon_factor",
                code, before, after);
        return after;
    }

    @Operation(summary = "Remove a region's factor", description = "Its stations fall back to the operator's default")
    @DeleteMapping("/carbon-factors/{region}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public void delete(@PathVariable String region, @RequestParam(required = false) Long operatorId) {
        long operator = acting.resolve(operatorId);
        String code = region(region, "region");
        Factor before = carbon.factor(operator, code).orElseThrow(() -> new NoSuchElementException("Carbon factor " + code));
        carbon.delete(operator, code);
        support.audit(operator, AuditLog.Action.DELETE, "carbon_factor", code, before, null);
    }

    @Operation(summary = "The carbon factor a station's sessions use, and where it comes from")
    @GetMapping("/stations/{id}/carbon-factor")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ')")
    public EffectiveView effective(@PathVariable long id) {
        Station station = station(id);
        String stationRegion = carbon.regionOf(id).orElse(null);
        var regional = stationRegion == null ? java.util.Optional.<Factor>empty() : carbon.factor(station.operatorId(), stationRegion);
        if (regional.isPresent()) {
            return new EffectiveView(id, stationRegion, stationRegion, regional.get().kgPerKwh(), "STATION_REGION");
        }
        var fallback = carbon.factor(station.operatorId(), JooqCarbon.DEFAULT);
        if (fallback.isPresent()) {
            return new EffectiveView(id, stationRegion, JooqCarbon.DEFAULT, fallback.get().kgPerKwh(), "OPERATOR_DEFAULT");
        }
        CarbonFactor p = platform.carbon();
        return new EffectiveView(id, stationRegion, p.region(), p.kgPerKwh(), "PLATFORM_DEFAULT");
    }

    @Operation(summary = "Name the carbon region a station is in", description = "null: none (the operator's default applies)")
    @PutMapping("/stations/{id}/carbon-region")
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public EffectiveView setRegion(@PathVariable long id, @RequestBody RegionRequest r) {
        Station station = station(id);
        String code = r.region() == null || r.region().isBlank() ? null : region(r.region(), "region");
        if (JooqCarbon.DEFAULT.equals(code)) throw new IllegalArgumentException("region: DEFAULT is not a station region");
        EffectiveView before = effective(id);
        carbon.setRegion(station.operatorId(), id, code);
        EffectiveView after = effective(id);
        support.audit(station.operatorId(), AuditLog.Action.UPDATE, "station_carbon_region", id, before, after);
        return after;
    }

    private Station station(long id) {
        return stations.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Station " + id));
    }

    private static String region(String value, String field) {
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!code.matches(REGION_PATTERN)) {
            throw new IllegalArgumentException(field + ": 1-32 letters, digits, _ or -, starting with a letter or digit");
        }
        return code;
    }
}
