package org.prisonerregistry.audit;

import java.nio.file.Path;
import org.prisonerregistry.database.DatabaseProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit log's keys, checkpoint file, sealer and verifier, from {@code registry.audit.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    AuditSigningKey auditSigningKey(AuditProperties audit, DatabaseProperties database) {
        return audit.signingKey(database.dataDir());
    }

    @Bean
    LeafMac leafMac(AuditSigningKey key) {
        return LeafMac.derivedFrom(key);
    }

    @Bean
    StagingMac stagingMac(AuditSigningKey key) {
        return StagingMac.derivedFrom(key);
    }

    @Bean
    CheckpointFile checkpointFile(AuditProperties audit, DatabaseProperties database) {
        Path file = audit.checkpointFileIn(database.dataDir());
        return new CheckpointFile(file);
    }

    @Bean
    AuditSealer auditSealer(AuditLogRepository repository, PlatformTransactionManager transactions, AuditSigningKey key,
                            LeafMac leafMac, StagingMac stagingMac, CheckpointFile checkpointFile, AuditProperties audit,
                            SealingBacklog backlog) {
        return new AuditSealer(repository, transactions, new CheckpointSigner(key), leafMac, stagingMac,
                new CheckpointPublisher(checkpointFile), audit, backlog);
    }

    @Bean
    AuditIntegrityCheck auditIntegrityCheck(AuditLogRepository repository, PlatformTransactionManager transactions,
                                            AuditSigningKey key, LeafMac leafMac, StagingMac stagingMac,
                                            CheckpointFile checkpointFile) {
        return new AuditIntegrityCheck(repository, transactions,
                new AuditVerifier(new CheckpointVerifier(key.noteKey()), leafMac, stagingMac), checkpointFile, key.noteKey());
    }
}
