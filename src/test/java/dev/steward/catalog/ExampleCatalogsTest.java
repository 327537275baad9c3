package dev.steward.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExampleCatalogsTest {

    @ParameterizedTest
    @ValueSource(strings = {"examples/olympus-2018", "examples/olympus-2017", "examples/omron-2012"})
    void everyExampleCatalogIsValid(String location) {
        Catalog catalog = Catalogs.read(location);

        assertThat(catalog.sites()).hasSize(1);
    }
}
