package io.pylon.server.me;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.Discount;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.ledger.AccountRef;
import io.pylon.domain.ledger.EntryKind;
import io.pylon.domain.ledger.JournalEntry;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.BillingContext;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderService;
import io.pylon.server.persistence.JooqEquipment;
import io.pylon.server.persistence.JooqLedger;
import io.pylon.server.persistence.JooqStations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds a driver's receipt from their order, its station, the wallet ledger entries of the order and what billing
 * granted it (points, carbon, plan and coupon).
 */
@Component
public class Receipts {

    private final Me me;
    private final JooqStations stations;
    private final JooqEquipment equipment;
    private final JooqLedger ledger;
    private final BillingContext.Source contexts;
    private final OrderRewards rewards;
    private final io.pylon.server.trust.Transparency transparency;
    private final io.pylon.domain.metering.MeteringService metering;
    private final io.pylon.server.persistence.JooqParkingFees parking;

    public Receipts(Me me, JooqStations stations, JooqEquipment equipment, JooqLedger ledger, BillingContext.Source contexts,
                    OrderRewards rewards, io.pylon.server.trust.Transparency transparency,
                    io.pylon.domain.metering.MeteringService metering, io.pylon.server.persistence.JooqParkingFees parking) {
        this.parking = parking;
        this.transparency = transparency;
        this.metering = metering;
        this.me = me;
        this.stations = stations;
        this.equipment = equipment;
        this.ledger = ledger;
        this.contexts = contexts;
        this.rewards = rewards;
    }

    /** The receipt of a billed order of the driver's (the caller checked it is theirs and billed). */
    Receipt of(Driver driver, Order o) {
        Bill b = o.bill();
        var station = o.stationId() == null ? null : stations.find(Me.scope(driver), o.stationId()).orElse(null);
        String code = equipment.specs(o.chargerId()).stream().filter(s -> s.connectorId() == o.connectorId()).findFirst()
                .map(s -> s.code()).orElse(null);
        Money zero = Money.zero(o.currency());
        Money paid = zero;
        Money refunded = zero;
        List<Receipt.RefundLine> refunds = new ArrayList<>();
        AccountRef wallet = AccountRef.wallet(driver.operatorId(), driver.id());
        AccountRef holds = AccountRef.holds(driver.operatorId(), driver.id());
        for (JournalEntry e : ledger.entriesByReference(driver.operatorId(), OrderService.reference(o.id()),
                new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
            Money toDriver = e.amountTo(wallet).plus(e.amountTo(holds));
            if (e.kind() == EntryKind.REFUND) {
                refunds.add(new Receipt.RefundLine(e.createdAt(), toDriver, e.note()));
                refunded = refunded.plus(toDriver);
            } else {
                paid = paid.minus(toDriver); // hold, settlement, release: what left the driver's money for good
            }
        }
        String zone = contexts.of(o.chargerId(), o.stationId(), o.operatorId()).zone().getId();
        Receipt.Rewards earned = rewards.of(o);
        Instant awaiting = o.awaitingPlugOut() ? o.idleFrom() : null;
        return new Receipt(o.id(), o.sessionId(), o.state(), me.operatorOf(driver).name(),
                new Receipt.Place(o.stationId(), station == null ? null : station.name(), station == null ? null : station.address()),
                o.chargerId(), o.connectorId(), code, o.startedAt(), o.stoppedAt(),
                o.stoppedAt() == null ? 0 : Duration.between(o.startedAt(), o.stoppedAt()).toSeconds(), zone,
                b.energyWh(), java.math.BigDecimal.valueOf(b.energyWh(), 3), o.currency().getCurrencyCode(), b.tariffId(),
                b.tariffVersion(), b.lines().stream().map(ReceiptLine::of).toList(), b.electricityTotal(), b.serviceTotal(),
                new Receipt.IdleFee(b.idleFee().billedMinutes(), b.idleFee().amount()), b.sessionFee(),
                b.discounts().stream().map(d -> discountLine(d, earned)).toList(),
                b.serviceDiscount(), b.total(), b.payable(), paid, refunds, refunded, paid.minus(refunded), "WALLET",
                o.points(), o.carbonSavedKg(), b.flags(), earned, awaiting, awaiting == null ? null : Receipt.IDLE_FEE_PENDING,
                verification(o), parking.fee(o.id()).map(f -> new Receipt.Parking(f.plate(), f.charge().idleMinutes(),
                        f.charge().billedMinutes(), f.charge().amount(), f.state(), b.payable().plus(f.charge().amount()))).orElse(null));
    }

    /** The order's transparency log entry and how its signed meter data checked out; null until logged. */
    private Receipt.Verification verification(Order o) {
        return transparency.ofOrder(o.id()).map(e -> {
            String link = io.pylon.server.trust.Transparency.verifyLink(e);
            return new Receipt.Verification(e.index(), io.pylon.domain.trust.MerkleHash.hex(e.leafHash()), link, link,
                    metering.outcome(o.sessionId()).status().name());
        }).orElse(null);
    }

    /** A discount named by its plan, or by the campaign name of the coupon the order used. */
    private static Receipt.DiscountLine discountLine(Discount d, Receipt.Rewards earned) {
        Receipt.CouponUsed coupon = earned == null ? null : earned.coupon();
        String name = d.source() == Discount.Source.COUPON && coupon != null && coupon.code().equals(d.reference())
                ? coupon.name() : d.reference();
        return new Receipt.DiscountLine(d.source(), d.reference(), name, d.amount());
    }
}
