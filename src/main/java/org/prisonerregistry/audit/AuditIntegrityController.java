package org.prisonerregistry.audit;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code auditIntegrity} (AUDITOR, by the schema's policy): the verdict of {@code audit verify}, over the API. */
@Controller
class AuditIntegrityController {

    private final AuditIntegrityCheck check;

    AuditIntegrityController(AuditIntegrityCheck check) {
        this.check = check;
    }

    @QueryMapping
    AuditIntegrityReport auditIntegrity() {
        return check.run();
    }

    @SchemaMapping(typeName = "AuditIntegrity")
    boolean intact(AuditIntegrityReport report) {
        return report.verdict().intact();
    }

    @SchemaMapping(typeName = "AuditIntegrity")
    long events(AuditIntegrityReport report) {
        return report.verdict().events();
    }

    @SchemaMapping(typeName = "AuditIntegrity")
    int checkpoints(AuditIntegrityReport report) {
        return report.verdict().checkpoints();
    }

    @SchemaMapping(typeName = "AuditIntegrity")
    long signedSize(AuditIntegrityReport report) {
        return report.verdict().sealedSize();
    }

    @SchemaMapping(typeName = "AuditIntegrity")
    AuditProblem firstProblem(AuditIntegrityReport report) {
        return report.verdict().firstProblem().orElse(null);
    }

    @SchemaMapping(typeName = "AuditIntegrity")
    String summary(AuditIntegrityReport report) {
        return report.summary();
    }
}
