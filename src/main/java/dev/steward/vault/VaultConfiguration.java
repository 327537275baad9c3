package dev.steward.vault;

import dev.steward.platform.StewardProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

    /** Created at first start under the data directory; an explicitly configured key set must already exist. */
    @Bean
    MasterKey masterKey(StewardProperties properties) {
        return MasterKey.open(properties.masterKeyPath(), !properties.masterKeyGiven());
    }
}
