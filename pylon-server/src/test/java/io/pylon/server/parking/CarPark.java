package io.pylon.server.parking;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.camera.CameraDevice;
import io.pylon.server.support.Charging;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import tools.jackson.databind.JsonNode;

/** Object mother for car parks: an operator's station with a flat tariff, a charger, bays in front of it, cameras over them. */
public final class CarPark {

    public final Tenant op;
    public final long station;
    public final String charger;
    private final int port;

    private CarPark(Tenant op, long station, String charger, int port) {
        this.op = op;
        this.station = station;
        this.charger = charger;
        this.port = port;
    }

    /** A new operator with a station priced flat (1.00 per kWh) and one charger {@code <code>-<suffix>}. */
    public static CarPark of(io.pylon.server.support.Api platformAdmin, int port, String suffix) {
        return of(platformAdmin, port, suffix, null);
    }

    /** The same with a charger of this id (e.g. a YKC pile's 14-digit number); null: {@code <code>-<suffix>}. */
    public static CarPark of(io.pylon.server.support.Api platformAdmin, int port, String suffix, String chargerId) {
        Tenant op = Tenants.create(platformAdmin, port, "CNY");
        long station = op.station("Car park " + suffix);
        Charging.flatTariff(op, station);
        String charger = op.charger(chargerId == null ? op.code() + "-" + suffix : chargerId, station);
        return new CarPark(op, station, charger, port);
    }

    /** A bay at a connector; {@code lockJson} e.g. {"kind":"MQTT","id":"L1"} or null. Answers its id. */
    public long bay(String name, int connector, String lockJson) {
        var r = op.admin().post("/api/v1/bays", "{\"stationId\":" + station + ",\"name\":\"" + name + "\",\"chargerId\":\"" + charger
                + "\",\"connectorId\":" + connector + (lockJson == null ? "" : ",\"lock\":" + lockJson) + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** A camera watching these bays (and reading plates for a gate when {@code gateId} is set), with its key. */
    public CameraDevice camera(String id, String gateId, long... bays) {
        StringBuilder ids = new StringBuilder();
        for (long b : bays) ids.append(ids.isEmpty() ? "" : ",").append(b);
        var r = op.admin().post("/api/v1/cameras", "{\"id\":\"" + id + "\",\"stationId\":" + station + ",\"kind\":\"CAMERA\","
                + "\"name\":\"Camera " + id + "\",\"streams\":{\"rtsp\":\"rtsp://nvr.local:554/" + id + "\",\"hls\":\"https://media.local/"
                + id + "/index.m3u8\"},\"snapshotUrl\":\"https://media.local/" + id + "/snap.jpg\",\"bayIds\":[" + ids + "]"
                + (gateId == null ? "" : ",\"gateId\":\"" + gateId + "\"") + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return new CameraDevice(port, id, r.body().get("apiKey").asString());
    }

    /** Sets the station's parking rules. */
    public void settings(String json) {
        var r = op.admin().put("/api/v1/parking/settings/" + station, json);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    public JsonNode bayView(long bay) {
        var r = op.admin().get("/api/v1/bays/" + bay);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    /** The alarms of this station from a source, newest first. */
    public JsonNode alarms(String source) {
        var r = op.admin().get("/api/v1/alarms?stationId=" + station + "&source=" + source);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("items");
    }
}
