package io.pylon.server.ocpp;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.pylon.domain.charger.ConnectOutcome;
import io.pylon.domain.charger.ConnectOutcome.Allowed;
import io.pylon.domain.charger.ConnectOutcome.Denied;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP upgrade of an OCPP connection: checks the path ({@code /ocpp/{chargerId}}), the offered
 * subprotocol ({@code ocpp1.6}) and the charger's credentials (security profiles 1 and 2), then
 * completes the WebSocket handshake and hands the channel to an {@link OcppFrameHandler}. The
 * credential check reads the database, so it runs off the event loop while the channel stops reading.
 */
final class OcppHandshakeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(OcppHandshakeHandler.class);
    static final String PATH_PREFIX = "/ocpp/";
    static final String SUBPROTOCOL = "ocpp1.6";
    static final int MAX_ID_LENGTH = 64;

    private final OcppGateway gateway;

    OcppHandshakeHandler(OcppGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        if (!path.startsWith(PATH_PREFIX) || path.length() == PATH_PREFIX.length()) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "Connect to /ocpp/{chargerId}");
            return;
        }
        String chargerId = QueryStringDecoder.decodeComponent(path.substring(PATH_PREFIX.length()));
        if (chargerId.isBlank() || chargerId.length() > MAX_ID_LENGTH || chargerId.contains("/")) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "Invalid charger id");
            return;
        }
        if (request.method() != HttpMethod.GET || !"websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "Expected a WebSocket upgrade");
            return;
        }
        String offered = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "");
        if (Arrays.stream(offered.split(",")).map(String::trim).noneMatch(SUBPROTOCOL::equals)) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "Subprotocol ocpp1.6 required");
            return;
        }
        Credentials credentials = Credentials.of(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (credentials.malformed() || credentials.user() != null && !credentials.user().equals(chargerId)) {
            unauthorized(ctx);
            return;
        }
        boolean tls = ctx.pipeline().get(SslHandler.class) != null;
        int offeredProfile = credentials.password() == null ? 0 : tls ? 2 : 1;
        ctx.channel().config().setAutoRead(false);
        FullHttpRequest retained = request.retainedDuplicate();
        gateway.workers().execute(() -> {
            ConnectOutcome outcome;
            try {
                outcome = gateway.chargers().mayConnect(chargerId, credentials.password(), offeredProfile);
            } catch (RuntimeException e) {
                log.error("Charger {}: could not check credentials", chargerId, e);
                outcome = null;
            }
            ConnectOutcome decided = outcome;
            ctx.channel().eventLoop().execute(() -> {
                try {
                    decide(ctx, retained, chargerId, decided);
                } finally {
                    retained.release();
                    ctx.channel().config().setAutoRead(true);
                }
            });
        });
    }

    private void decide(ChannelHandlerContext ctx, FullHttpRequest request, String chargerId, ConnectOutcome outcome) {
        switch (outcome) {
            case null -> respond(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "Try again later");
            case Denied denied -> {
                log.info("Charger {}: connection refused ({})", chargerId, denied.reason());
                switch (denied.reason()) {
                    case UNKNOWN_CHARGER -> respond(ctx, HttpResponseStatus.NOT_FOUND, "Unknown charger");
                    case REJECTED -> respond(ctx, HttpResponseStatus.FORBIDDEN, "Charger rejected");
                    case BAD_CREDENTIALS, PROFILE_TOO_WEAK -> unauthorized(ctx);
                }
            }
            case Allowed allowed -> upgrade(ctx, request, chargerId, allowed);
        }
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String chargerId, Allowed allowed) {
        String scheme = ctx.pipeline().get(SslHandler.class) != null ? "wss" : "ws";
        String url = scheme + "://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
        int maxFrame = gateway.settings().maxFrameBytes();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(url, SUBPROTOCOL, false, maxFrame)
                .newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        OcppSession session = gateway.newSession(chargerId, ctx.channel(), allowed.accepted());
        handshaker.handshake(ctx.channel(), request).addListener(future -> {
            if (!future.isSuccess()) {
                ctx.close();
                return;
            }
            var settings = gateway.settings();
            ctx.pipeline().addLast(new IdleStateHandler(settings.idleTimeout().toMillis(), 0,
                    settings.pingInterval().toMillis(), TimeUnit.MILLISECONDS));
            ctx.pipeline().addLast(new WebSocketFrameAggregator(maxFrame));
            ctx.pipeline().addLast(new OcppFrameHandler(session, gateway.dispatcher(), () -> gateway.closed(session)));
            ctx.pipeline().remove(this);
            gateway.opened(session);
        });
    }

    private static void unauthorized(ChannelHandlerContext ctx) {
        FullHttpResponse response = response(HttpResponseStatus.UNAUTHORIZED, "Bad or missing credentials");
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"pylon-ocpp\"");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
        ctx.writeAndFlush(response(status, message)).addListener(ChannelFutureListener.CLOSE);
    }

    private static FullHttpResponse response(HttpResponseStatus status, String message) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(message + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, "close");
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.info("Bad upgrade request from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /** HTTP Basic credentials; both null when the header is absent. */
    record Credentials(String user, String password, boolean malformed) {
        static Credentials of(String header) {
            if (header == null) return new Credentials(null, null, false);
            if (!header.regionMatches(true, 0, "Basic ", 0, 6)) return new Credentials(null, null, true);
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) return new Credentials(null, null, true);
                return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1), false);
            } catch (IllegalArgumentException e) {
                return new Credentials(null, null, true);
            }
        }
    }
}
