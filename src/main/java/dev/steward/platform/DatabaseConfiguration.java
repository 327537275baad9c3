package dev.steward.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource, on an external PostgreSQL when {@code STEWARD_DATABASE_URL} is set and otherwise on the
 * embedded server, which is started before the pool and stopped after it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(StewardProperties properties) {
        StewardProperties.Database database = properties.database();
        if (!database.isEmbedded()) {
            return DatabaseServer.external(database.url(), database.user(), database.password());
        }
        return DatabaseServer.embedded(EmbeddedDatabase.start(properties.dataDir(), database.fsync()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("steward");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.user());
        pool.setPassword(server.password());
        pool.setMaximumPoolSize(20);
        return pool;
    }
}
