package io.pylon.server.me;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The driver app's server push: the driver's own sessions and top-ups as they change ({@link DriverFeed}). */
@Tag(name = "Driver app")
@Validated
@RestController
@RequestMapping("/api/v1/me")
public class MeEventsController {

    private final Me me;
    private final DriverFeed feed;
    private final Duration streamTimeout;

    public MeEventsController(Me me, DriverFeed feed, @Value("${pylon.live.stream-timeout:30m}") Duration streamTimeout) {
        this.me = me;
        this.feed = feed;
        this.streamTimeout = streamTimeout;
    }

    @Operation(summary = "Server-sent events about my own sessions and top-ups: session, payment",
            description = "event session (LiveSessionView) for each of my running sessions at once and every 2 s, when "
                    + "a session of mine starts or stops, and for a stopped session whenever its order changes until the "
                    + "order is final; payment (MyPaymentView) when a provider's callback settles a top-up of mine. "
                    + "follow = ids of my stopped sessions to follow as well (others' ids are ignored). Driver tokens "
                    + "only; the stream ends after pylon.live.stream-timeout (30 min) and the app reconnects.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(oneOf = {LiveSessionView.class, MeWalletController.MyPaymentView.class}))))
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@RequestParam(required = false) @Size(max = 20) List<Long> follow) {
        return feed.open(me.driver(), follow == null ? List.of() : follow, streamTimeout);
    }
}
