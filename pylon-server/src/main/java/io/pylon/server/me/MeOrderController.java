package io.pylon.server.me;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderFilter;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.order.OrderState;
import io.pylon.server.api.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** The driver's own orders (one per session) and their receipts. */
@Tag(name = "Driver app")
@Validated
@RestController
@RequestMapping("/api/v1/me/orders")
public class MeOrderController {

    /**
     * An order of mine; {@code lines} and amounts are empty / zero until it is billed. While
     * {@code awaitingPlugOutSince} is set the order is billed but not paid: the tariff charges an idle fee from then
     * until the car leaves.
     */
    public record MyOrder(long id, long sessionId, OrderState state, Long stationId, String chargerId, int connectorId,
                          Instant startedAt, Instant stoppedAt, Long energyWh, String currency, List<ReceiptLine> lines,
                          Money total, Money discount, Money payable, Money refunded, long points, BigDecimal carbonSavedKg,
                          String abnormalReason, Instant awaitingPlugOutSince) {
        static MyOrder of(Order o) {
            Bill b = o.bill();
            Money zero = Money.zero(o.currency());
            return new MyOrder(o.id(), o.sessionId(), o.state(), o.stationId(), o.chargerId(), o.connectorId(), o.startedAt(),
                    o.stoppedAt(), o.energyWh(), o.currency().getCurrencyCode(),
                    b == null ? List.of() : b.lines().stream().map(ReceiptLine::of).toList(), b == null ? zero : b.total(),
                    b == null ? zero : b.serviceDiscount(), o.payable(), o.refunded(), o.points(), o.carbonSavedKg(),
                    o.abnormalReason(), o.awaitingPlugOut() ? o.idleFrom() : null);
        }
    }

    private final Me me;
    private final OrderRepository orders;
    private final Receipts receipts;

    public MeOrderController(Me me, OrderRepository orders, Receipts receipts) {
        this.me = me;
        this.orders = orders;
        this.receipts = receipts;
    }

    @Operation(summary = "My orders, newest first", description = "from / to: dates (inclusive) in my operator's time zone")
    @GetMapping
    public PageResponse<MyOrder> list(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        if (from != null && to != null && to.isBefore(from)) throw new IllegalArgumentException("to: must not be before from");
        Driver driver = me.driver();
        ZoneId zone = me.operatorOf(driver).timeZone();
        var found = orders.list(Me.scope(driver), new OrderFilter(null, null, driver.id(), null,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant()), new PageRequest(page, size));
        return PageResponse.of(found, MyOrder::of);
    }

    @Operation(summary = "One of my orders with its band-by-band bill")
    @GetMapping("/{id}")
    public MyOrder get(@PathVariable long id) {
        return MyOrder.of(own(me.driver(), id));
    }

    @Operation(summary = "The receipt of one of my billed orders",
            description = "format=json (default), text (text/plain) or html (text/html). 409 NOT_BILLED while charging "
                    + "or when the order could not be billed")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Receipt.class)),
            @Content(mediaType = "text/plain"), @Content(mediaType = "text/html")})
    @GetMapping("/{id}/receipt")
    public ResponseEntity<?> receipt(@PathVariable long id,
                                     @Parameter(description = "json, text or html") @RequestParam(defaultValue = "json")
                                     @Pattern(regexp = "json|text|html", message = "json, text or html") String format) {
        Driver driver = me.driver();
        Order order = own(driver, id);
        if (order.bill() == null || order.state() == OrderState.CHARGING || order.state() == OrderState.ABNORMAL) {
            throw Refusal.of(HttpStatus.CONFLICT, Refusal.Reason.NOT_BILLED, "id", "order " + id + " is " + order.state()
                    + "; a receipt exists once it is billed");
        }
        Receipt receipt = receipts.of(driver, order);
        return switch (format) {
            case "text" -> ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(ReceiptText.plain(receipt));
            case "html" -> ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .body(ReceiptText.html(receipt));
            default -> ResponseEntity.ok(receipt);
        };
    }

    private Order own(Driver driver, long id) {
        return orders.find(id).filter(o -> Long.valueOf(driver.id()).equals(o.driverId())
                        && Long.valueOf(driver.operatorId()).equals(o.operatorId()))
                .orElseThrow(() -> new NoSuchElementException("Order " + id));
    }
}
