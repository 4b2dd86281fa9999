package io.pylon.domain.station;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.station.ConnectorRef.ByCode;
import io.pylon.domain.station.ConnectorRef.ByConnector;
import org.junit.jupiter.api.Test;

class ConnectorRefTest {

    @Test
    void aTypedCodeIsACode() {
        assertThat(ConnectorRef.parse("  HZ-0001-1 ")).contains(new ByCode("HZ-0001-1"));
    }

    @Test
    void pylonsOwnPayloadNamesChargerAndConnector() {
        assertThat(ConnectorRef.parse("pylon:HZ-0001:2")).contains(new ByConnector("HZ-0001", 2));
        assertThat(ConnectorRef.parse(ConnectorRef.qrPayload("HZ-0001", 1))).contains(new ByConnector("HZ-0001", 1));
        assertThat(ConnectorRef.parse("PYLON:HZ-0001:2")).as("scheme in any case").contains(new ByConnector("HZ-0001", 2));
    }

    @Test
    void aChargerIdMayContainColons() {
        assertThat(ConnectorRef.parse("pylon:site:a:b:12")).contains(new ByConnector("site:a:b", 12));
    }

    @Test
    void aUrlCarriesTheCodeInItsQueryOrLastPathSegment() {
        assertThat(ConnectorRef.parse("https://go.example.com/c/HZ-0001-1")).contains(new ByCode("HZ-0001-1"));
        assertThat(ConnectorRef.parse("https://go.example.com/c/HZ-0001-1/")).contains(new ByCode("HZ-0001-1"));
        assertThat(ConnectorRef.parse("http://go.example.com/start?x=1&code=HZ-7")).contains(new ByCode("HZ-7"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {null, "", "   ", "pylon:", "pylon:CP", "pylon:CP:", "pylon::1", "pylon:CP:0",
                "pylon:CP:x", "pylon:CP:100", "has space", "a/b", "https://go.example.com/", "ftp://x/CODE",
                "A".repeat(33), "x".repeat(600)}) {
            assertThat(ConnectorRef.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
