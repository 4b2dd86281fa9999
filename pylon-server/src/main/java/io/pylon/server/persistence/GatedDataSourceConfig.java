package io.pylon.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts a {@link GatedDataSource} in front of the connection pool. */
@Configuration
public class GatedDataSourceConfig {

    @Bean
    static BeanPostProcessor gateTheConnectionPool() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    return new GatedDataSource(pool, pool.getMaximumPoolSize(), pool.getConnectionTimeout());
                }
                return bean;
            }
        };
    }
}
