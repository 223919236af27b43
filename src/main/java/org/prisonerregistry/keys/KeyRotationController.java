package org.prisonerregistry.keys;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code keyRotationStatus} and {@code rotateMasterKey} (ADMIN, by the schema's policy). */
@Controller
class KeyRotationController {

    private final KeyRotationService rotation;

    KeyRotationController(KeyRotationService rotation) {
        this.rotation = rotation;
    }

    @QueryMapping
    KeyRotation keyRotationStatus() {
        return rotation.status();
    }

    @MutationMapping
    KeyRotation rotateMasterKey(@Argument int batchSize) {
        return rotation.rotate(batchSize, progress -> { });
    }
}
