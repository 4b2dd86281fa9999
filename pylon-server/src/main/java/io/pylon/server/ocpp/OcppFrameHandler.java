package io.pylon.server.ocpp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket frames of one established OCPP connection: text to the dispatcher, pings answered,
 * pings sent when idle, a silent peer closed, binary frames refused (OCPP-J is text only).
 */
final class OcppFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(OcppFrameHandler.class);

    private final OcppSession session;
    private final Ocpp16Dispatcher dispatcher;
    private final Runnable onClose;

    OcppFrameHandler(OcppSession session, Ocpp16Dispatcher dispatcher, Runnable onClose) {
        this.session = session;
        this.dispatcher = dispatcher;
        this.onClose = onClose;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        switch (frame) {
            case TextWebSocketFrame text -> dispatcher.onText(session, text.text());
            case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            case PongWebSocketFrame ignored -> { }
            case CloseWebSocketFrame close -> ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), ""))
                    .addListener(f -> ctx.close());
            case BinaryWebSocketFrame ignored -> session.close(WebSocketCloseStatus.INVALID_MESSAGE_TYPE);
            default -> { }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE) {
                log.info("Charger {}: silent for too long, closing", session.chargerId());
                session.close(WebSocketCloseStatus.NORMAL_CLOSURE);
            } else {
                ctx.writeAndFlush(new PingWebSocketFrame());
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        session.onClosed();
        onClose.run();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause instanceof CorruptedFrameException) {
            log.info("Charger {}: {} — closing", session.chargerId(), cause.getMessage());
            session.close(WebSocketCloseStatus.MESSAGE_TOO_BIG);
        } else {
            log.warn("Charger {}: connection error: {}", session.chargerId(), cause.toString());
            ctx.close();
        }
    }
}
