package io.pylon.server.live;

import io.pylon.domain.tenant.Permission;
import io.pylon.server.alarm.AlarmView;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(name = "Live", description = "Server push for the console and the big-screen, and the dashboard figures")
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('PERM_CHARGERS_READ')")
public class LiveController {

    private final LiveHub hub;
    private final io.pylon.server.persistence.JooqLive live;
    private final DashboardQuery dashboard;
    private final Callers callers;
    private final Duration streamTimeout;

    public LiveController(LiveHub hub, io.pylon.server.persistence.JooqLive live, DashboardQuery dashboard, Callers callers,
                          @Value("${pylon.live.stream-timeout:30m}") Duration streamTimeout) {
        this.hub = hub;
        this.live = live;
        this.dashboard = dashboard;
        this.callers = callers;
        this.streamTimeout = streamTimeout;
    }

    @Operation(summary = "Server-sent events in your scope: connector, alarm, sessions, counters",
            description = "event connector (ConnectorEvent) when a connector reports a status; alarm (AlarmView) when an alarm "
                    + "is raised, acknowledged or cleared; sessions (SessionsEvent) every 2 s; counters (Dashboard) every 10 s "
                    + "and at once on connect. Revenue in counters only with REPORTS_READ. The stream ends after "
                    + "pylon.live.stream-timeout (30 min); clients reconnect.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(oneOf = {ConnectorEvent.class, AlarmView.class, SessionsEvent.class, Dashboard.class}))))
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter live() {
        var caller = callers.current();
        return hub.open(callers.scopeOf(caller), caller.can(Permission.REPORTS_READ), streamTimeout);
    }

    @Operation(summary = "Dashboard figures now: today and this month, connectors by status, running sessions, open alarms, "
            + "24-hour energy trend, top stations of the month")
    @GetMapping("/dashboard")
    public Dashboard dashboard() {
        var caller = callers.current();
        return dashboard.of(callers.scopeOf(caller), caller.can(Permission.REPORTS_READ));
    }

    /** A list page's chargers, whose connector states the page shows and the connector events then update. */
    public record ConnectorsRequest(@jakarta.validation.constraints.NotNull
                                    @jakarta.validation.constraints.Size(max = 500) java.util.List<@jakarta.validation.constraints.NotBlank String> chargerIds) {}

    @Operation(summary = "Connectors of up to 500 chargers now (status, error code, since, online, code, plug)",
            description = "Chargers out of your scope or unknown are left out.")
    @org.springframework.web.bind.annotation.PostMapping("/live/connectors")
    public java.util.List<io.pylon.server.persistence.JooqLive.ConnectorNow> connectors(
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody ConnectorsRequest request) {
        return live.connectors(callers.scope(), request.chargerIds());
    }

    @Operation(summary = "The running sessions in your scope now, as the sessions event sends them")
    @GetMapping("/live/sessions")
    public SessionsEvent sessions() {
        return hub.sessions(callers.scope());
    }
}
