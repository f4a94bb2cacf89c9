package io.edgecoord.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    RetentionRounds retentionRounds(List<RetainedRecords> holders, StorageProperties properties, Clock clock,
            MeterRegistry meters) {
        return new RetentionRounds(holders, properties, clock, meters);
    }

    @Bean
    DiskWatch diskWatch(@Value("${edgecoord.data-dir:./data}") Path dataDirectory, StorageProperties properties,
            MeterRegistry meters, RetentionRounds rounds) {
        return new DiskWatch(dataDirectory, properties.disk(), meters,
                () -> rounds.purgeUnderPressure(properties.disk().pressureShare()));
    }

    @Bean
    DiskBudgetHealthIndicator diskBudgetHealthIndicator(DiskWatch watch) {
        return new DiskBudgetHealthIndicator(watch);
    }

    /** Only for the embedded H2 in file mode: PostgreSQL keeps its own files in bounds. */
    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
    EmbeddedDatabaseMaintenance embeddedDatabaseMaintenance(DataSource dataSource, StorageProperties properties) {
        return new EmbeddedDatabaseMaintenance(dataSource, properties.databaseMaintenanceInterval());
    }
}
