package org.prisonerregistry.keys;

import org.prisonerregistry.crypto.AuditSubjectHash;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the keyring settings ({@code registry.keyring.*}, env {@code REGISTRY_KEYRING_*}) and offers keys derived from it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyringProperties.class)
class KeysConfiguration {

    /** Derived from the index key, which master-key rotation leaves alone, so one instance serves for the whole run. */
    @Bean
    AuditSubjectHash auditSubjectHash(CurrentKeyring keyring) {
        return new AuditSubjectHash(keyring.current().keyring());
    }
}
