package io.pylon.ocpp.v16;

/** OCPP 1.6 Authorize (§6.1). */
public final class Authorize {
    private Authorize() {}

    public record Request(String idTag) {}

    public record Response(IdTagInfo idTagInfo) {}
}
