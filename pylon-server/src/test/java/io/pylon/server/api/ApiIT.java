package io.pylon.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.PylonIT;
import org.junit.jupiter.api.Test;

/** The REST contract: tokens, problem+json errors naming the field, CRUD of chargers and id tokens. */
class ApiIT extends PylonIT {

    @Test
    void wrongCredentialsAndMissingOrForgedTokensAre401ProblemJson() {
        Api anonymous = new Api(httpPort);
        var wrong = anonymous.post("/api/v1/auth/token", "{\"username\":\"admin\",\"password\":\"nope\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        var unknownUser = anonymous.post("/api/v1/auth/token", "{\"username\":\"mallory\",\"password\":\"nope\"}");
        assertThat(unknownUser.status()).isEqualTo(401);
        var noToken = anonymous.get("/api/v1/chargers");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.contentType()).startsWith("application/problem+json");
        var forged = new Api(httpPort).withToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl").get("/api/v1/chargers");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void aTokenIsIssuedForTheFirstAdmin() {
        var response = new Api(httpPort).post("/api/v1/auth/token",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("token").asString()).contains(".");
        assertThat(response.body().get("expiresAt").asString()).isNotBlank();
    }

    @Test
    void validationErrorsNameTheField() {
        var blank = api.post("/api/v1/id-tokens", "{\"idTag\":\"\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.body().get("errors").get(0).get("field").asString()).isEqualTo("idTag");
        var tooLong = api.post("/api/v1/id-tokens", "{\"idTag\":\"123456789012345678901\"}");
        assertThat(tooLong.body().get("detail").asString()).startsWith("idTag");
        var badStatus = api.post("/api/v1/id-tokens", "{\"idTag\":\"API-X\",\"status\":\"MAYBE\"}");
        assertThat(badStatus.status()).isEqualTo(400);
        var badId = api.post("/api/v1/chargers", "{\"id\":\"has space\"}");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("detail").asString()).startsWith("id");
        var badTime = api.get("/api/v1/sessions?from=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body().get("detail").asString()).startsWith("from");
        var badRange = api.get("/api/v1/sessions?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(badRange.status()).isEqualTo(400);
        var badPage = api.get("/api/v1/chargers?size=100000");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.body().get("detail").asString()).startsWith("size");
        var badJson = api.post("/api/v1/id-tokens", "{not json");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.contentType()).startsWith("application/problem+json");
    }

    @Test
    void chargersCanBeCreatedListedUpdatedAndDeleted() {
        var created = api.post("/api/v1/chargers", "{\"id\":\"API-CP1\",\"description\":\"Bay 1\",\"password\":\"s3cret-pass\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("securityProfile").asInt()).isEqualTo(1);
        assertThat(created.body().get("hasPassword").asBoolean()).isTrue();
        assertThat(created.raw()).doesNotContain("passwordHash").doesNotContain("s3cret");
        assertThat(api.post("/api/v1/chargers", "{\"id\":\"API-CP1\"}").status()).isEqualTo(409);
        var updated = api.patch("/api/v1/chargers/API-CP1", "{\"description\":\"Bay 2\",\"registration\":\"PENDING\"}");
        assertThat(updated.body().get("description").asString()).isEqualTo("Bay 2");
        var pending = api.get("/api/v1/chargers?registration=PENDING&size=500");
        assertThat(pending.raw()).contains("API-CP1");
        assertThat(api.get("/api/v1/chargers?registration=REJECTED&size=500").raw()).doesNotContain("API-CP1");
        assertThat(api.post("/api/v1/chargers/API-CP1/approve", "").body().get("registration").asString()).isEqualTo("ACCEPTED");
        assertThat(api.delete("/api/v1/chargers/API-CP1").status()).isEqualTo(204);
        var gone = api.get("/api/v1/chargers/API-CP1");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/chargers", "{\"id\":\"API-CP2\",\"securityProfile\":2}").status()).isEqualTo(400);
    }

    @Test
    void idTokensCanBeCreatedReadUpdatedAndDeleted() {
        var created = api.post("/api/v1/id-tokens", "{\"idTag\":\"API-TAG1\",\"expiry\":\"2030-01-01T00:00:00Z\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.post("/api/v1/id-tokens", "{\"idTag\":\"API-TAG1\"}").status()).isEqualTo(409);
        var blocked = api.put("/api/v1/id-tokens/API-TAG1", "{\"status\":\"BLOCKED\"}");
        assertThat(blocked.body().get("status").asString()).isEqualTo("BLOCKED");
        assertThat(api.get("/api/v1/id-tokens?status=BLOCKED&size=500").raw()).contains("API-TAG1");
        assertThat(api.put("/api/v1/id-tokens/API-TAG1", "{\"status\":\"ACCEPTED\",\"parentIdTag\":\"API-TAG1\"}").status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/id-tokens/API-TAG1").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/id-tokens/API-TAG1").status()).isEqualTo(404);
    }

    @Test
    void commandsToAnUnknownChargerAre404AndBadBodiesAre400() {
        assertThat(api.post("/api/v1/chargers/NOPE/commands/reset", "{\"type\":\"Soft\"}").status()).isEqualTo(404);
        api.post("/api/v1/chargers", "{\"id\":\"API-OFF\"}");
        var badType = api.post("/api/v1/chargers/API-OFF/commands/reset", "{\"type\":\"Gentle\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body().get("detail").asString()).startsWith("type");
        var tooBig = api.post("/api/v1/chargers/API-OFF/commands/remote-stop", "{\"transactionId\":3000000000}");
        assertThat(tooBig.status()).as("a transaction id beyond int32 must not be cut").isEqualTo(400);
        var offline = api.post("/api/v1/chargers/API-OFF/commands/reset", "{\"type\":\"Soft\"}");
        assertThat(offline.status()).isEqualTo(409);
        assertThat(offline.body().get("title").asString()).isEqualTo("Charger offline");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var doc = new Api(httpPort).get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().get("paths").has("/api/v1/chargers")).isTrue();
        assertThat(doc.body().get("paths").has("/api/v1/chargers/{id}/commands/remote-start")).isTrue();
        assertThat(doc.body().get("paths").has("/api/v1/sessions/{id}")).isTrue();
    }
}
