package org.prisonerregistry.keys;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the keyring settings ({@code registry.keyring.*}, env {@code REGISTRY_KEYRING_*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyringProperties.class)
class KeysConfiguration {
}
