package io.pylon.server.trust;

import io.pylon.domain.driver.Driver;
import io.pylon.domain.order.OrderRepository;
import io.pylon.server.me.Me;
import io.pylon.server.trust.TransparencyViews.ReceiptBundle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A driver's own orders as the regulator sees them: the log record with its proof and the signed tree head. */
@Tag(name = "Driver app")
@RestController
@RequestMapping("/api/v1/me/orders")
public class MeTransparencyController {

    private final Me me;
    private final OrderRepository orders;
    private final Transparency transparency;

    public MeTransparencyController(Me me, OrderRepository orders, Transparency transparency) {
        this.me = me;
        this.orders = orders;
        this.transparency = transparency;
    }

    @Operation(summary = "My order's transparency log entry as a receipt bundle (./pylon verify receipt)",
            description = "404 until the order's bill is final and logged")
    @GetMapping("/{id}/transparency")
    public ReceiptBundle bundle(@PathVariable long id) {
        Driver driver = me.driver();
        orders.find(id).filter(o -> Long.valueOf(driver.id()).equals(o.driverId())
                        && Long.valueOf(driver.operatorId()).equals(o.operatorId()))
                .orElseThrow(() -> new NoSuchElementException("Order " + id));
        return transparency.ofOrder(id).map(transparency::bundle)
                .orElseThrow(() -> new NoSuchElementException("Order " + id + " is not in the transparency log yet"));
    }
}
