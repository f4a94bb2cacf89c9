package io.edgecoord;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesDependOnlyOnEachOthersPublicFaces() {
        ApplicationModules.of(EdgecoordApplication.class).verify();
    }
}
