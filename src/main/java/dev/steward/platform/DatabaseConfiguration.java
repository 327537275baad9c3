package dev.steward.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource, on an external PostgreSQL when {@code STEWARD_DATABASE_URL} is set and otherwise on the
 * embedded server, which is started before the pool and stopped after it. The pool takes Spring Boot's
 * {@code spring.datasource.hikari.*} settings (its size from {@code STEWARD_DATABASE_POOL_SIZE}; a command's smaller
 * pool in application-cli.yml), so N nodes and the commands beside them fit the server's {@code max_connections}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(StewardProperties properties) {
        StewardProperties.Database database = properties.database();
        if (!database.isEmbedded()) {
            return DatabaseServer.external(database.url(), database.user(), database.password());
        }
        return DatabaseServer.embedded(
                EmbeddedDatabase.start(properties.dataDir(), database.fsync(), database.sharedBuffers()));
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseServer server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("steward");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.user());
        pool.setPassword(server.password());
        return pool;
    }
}
