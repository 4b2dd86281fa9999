package io.pylon.domain.invoice;

import java.time.Instant;

/** Listing filter; null fields do not filter. Times bound the request time [from, to). */
public record InvoiceFilter(InvoiceStatus status, Long driverId, Long orderId, Instant from, Instant to) {}
