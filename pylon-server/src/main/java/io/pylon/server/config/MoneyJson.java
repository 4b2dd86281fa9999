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
 * and nothing else of the value type (no derived flags such as zero or negative). The OpenAPI document describes it
 * so too (springdoc would otherwise describe the record's getters, with the currency as an object).
 */
@Configuration
public class MoneyJson {

    /** How the OpenAPI document shows {@link Money}: what the serializer below writes, as the schema {@code Money}. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Money", description = "An exact amount in a currency")
    record MoneyDoc(@io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                            description = "decimal at the currency's scale") java.math.BigDecimal amount,
                    @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                            description = "ISO 4217 code", example = "CNY") String currency) {}

    static {
        org.springdoc.core.utils.SpringDocUtils.getConfig().replaceWithClass(Money.class, MoneyDoc.class);
    }

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
