package io.pylon.server.config;

import io.pylon.domain.common.Transactions;
import io.pylon.domain.invoice.InvoiceRepository;
import io.pylon.domain.invoice.InvoiceService;
import io.pylon.domain.order.OrderRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Invoices over settled orders. */
@Configuration
public class FinanceConfig {

    @Bean
    InvoiceService invoiceService(InvoiceRepository invoices, OrderRepository orders, Transactions tx, Clock clock) {
        return new InvoiceService(invoices, orders, tx, clock);
    }
}
