package io.pylon.server.config;

import io.pylon.domain.money.Money;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Money in JSON is {@code {"amount": 12.30, "currency": "CNY"}}: the exact decimal at the currency's scale,
 * and nothing else of the value type (no derived flags such as zero or negative).
 */
@Configuration
public class MoneyJson {

    @Bean
    SimpleModule moneyModule() {
        return new SimpleModule("pylon-money").addSerializer(Money.class, new StdSerializer<>(Money.class) {
            @Override
            public void serialize(Money money, JsonGenerator json, SerializationContext context) {
                json.writeStartObject();
                json.writeNumberProperty("amount", money.amount());
                json.writeStringProperty("currency", money.currency().getCurrencyCode());
                json.writeEndObject();
            }
        });
    }
}
