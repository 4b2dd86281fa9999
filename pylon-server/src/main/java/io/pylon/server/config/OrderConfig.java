package io.pylon.server.config;

import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.marketing.CarbonFactor;
import io.pylon.domain.marketing.MarketingPromotions;
import io.pylon.domain.marketing.MarketingStore;
import io.pylon.domain.order.BillingContext;
import io.pylon.domain.order.OrderRefunds;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.order.OrderService;
import io.pylon.domain.order.OrderSettings;
import io.pylon.domain.order.Promotions;
import io.pylon.domain.session.SessionService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Orders follow sessions: wires the order service as the session service's listener, priced by marketing. */
@Configuration
public class OrderConfig {

    /** The platform's points rate and carbon factor, used where an operator set none. */
    @Bean
    OrderSettings orderSettings(BillingProperties billing) {
        return new OrderSettings(billing.pointsPerKwh(), new CarbonFactor(billing.carbonRegion(), billing.carbonKgPerKwh()));
    }

    @Bean
    Promotions promotions(MarketingStore store, OrderSettings settings, Transactions tx, Clock clock) {
        return new MarketingPromotions(store, settings, tx, clock);
    }

    @Bean
    OrderService orderService(OrderRepository orders, IdTokenRepository tokens, BillingContext.Source contexts,
                              WalletService wallet, Promotions promotions, Clock clock, OrderService.UsageSource usage,
                              SessionService sessions, ChargerService chargers) {
        OrderService service = new OrderService(orders, tokens, contexts, wallet, promotions, clock, usage);
        sessions.listen(service);
        chargers.listen(service);
        return service;
    }

    @Bean
    OrderRefunds orderRefunds(OrderRepository orders, WalletService wallet, Transactions tx, Clock clock) {
        return new OrderRefunds(orders, wallet, tx, clock);
    }
}
