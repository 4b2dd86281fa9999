package io.pylon.domain.invoice;

import io.pylon.domain.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * An invoice request over settled orders of one operator and one driver. {@code amount} was computed when it was
 * requested: the orders' paid amounts minus what had been refunded of them.
 *
 * @param invoiceNumber the number of the issued invoice (ISSUED only)
 * @param pdfUrl        where the issued invoice can be downloaded, if the operator gave one
 * @param rejectReason  why the operator refused it (REJECTED only)
 * @param requestedBy   who recorded the request: {@code driver:<id>} from the app, or the staff member's name
 */
public record Invoice(long id, long operatorId, long driverId, InvoiceTitle title, String email, Money amount,
                      InvoiceStatus status, List<Long> orderIds, String invoiceNumber, Instant issuedAt, String pdfUrl,
                      String rejectReason, String requestedBy, Instant createdAt, Instant updatedAt) {

    public Invoice {
        orderIds = List.copyOf(orderIds);
    }
}
