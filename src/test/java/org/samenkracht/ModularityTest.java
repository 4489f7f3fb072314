package org.samenkracht;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold: no module reaches into another's internals, and there are no cycles. */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(SamenkrachtApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        MODULES.verify();
    }

    @Test
    void writes_the_module_documentation() throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Path.of("target", "spring-modulith-docs");
        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        new Documenter(MODULES, folder.toString()).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        String overview = java.nio.file.Files.readString(folder.resolve("components.puml"));
        // the overview names every module, and each module has its own diagram
        MODULES.forEach(module -> {
            assertThat(overview).contains(module.getDisplayName());
            assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).exists();
        });
        assertThat(MODULES.stream().count()).isGreaterThanOrEqualTo(8);
    }
}
