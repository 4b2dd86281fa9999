package io.pylon.domain.invoice;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Invoices in a map, with the store's rule: an order is on at most one open invoice. */
final class InMemoryInvoices implements InvoiceRepository {

    final Map<Long, Invoice> invoices = new TreeMap<>();
    private final Map<Long, Long> openOrders = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized Optional<Invoice> insert(NewInvoice n) {
        if (n.orders().keySet().stream().anyMatch(openOrders::containsKey)) return Optional.empty();
        long id = nextId++;
        n.orders().keySet().forEach(order -> openOrders.put(order, id));
        Invoice invoice = new Invoice(id, n.operatorId(), n.driverId(), n.title(), n.email(), n.amount(),
                InvoiceStatus.REQUESTED, new ArrayList<>(new java.util.TreeSet<>(n.orders().keySet())), null, null, null,
                null, n.requestedBy(), n.createdAt(), n.createdAt());
        invoices.put(id, invoice);
        return Optional.of(invoice);
    }

    @Override
    public Optional<Invoice> find(long id) {
        return Optional.ofNullable(invoices.get(id));
    }

    @Override
    public synchronized boolean transition(long id, InvoiceStatus from, InvoiceStatus to, Details d, Instant now) {
        Invoice i = invoices.get(id);
        if (i == null || i.status() != from) return false;
        if (!to.open()) i.orderIds().forEach(openOrders::remove);
        invoices.put(id, new Invoice(id, i.operatorId(), i.driverId(), i.title(), i.email(), i.amount(), to, i.orderIds(),
                d.invoiceNumber(), d.issuedAt(), d.pdfUrl(), d.rejectReason(), i.requestedBy(), i.createdAt(), now));
        return true;
    }

    @Override
    public Page<Invoice> list(TenantScope scope, InvoiceFilter filter, PageRequest page) {
        throw new UnsupportedOperationException();
    }
}
