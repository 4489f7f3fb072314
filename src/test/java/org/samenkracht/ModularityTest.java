package org.samenkracht;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold: no module reaches into another's internals, and there are no cycles. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(SamenkrachtApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        MODULES.verify();
    }

    @Test
    void writes_the_module_documentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
