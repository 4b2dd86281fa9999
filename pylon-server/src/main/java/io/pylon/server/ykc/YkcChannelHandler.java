package io.pylon.server.ykc;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.pylon.ykc.codec.YkcFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a pile's pipeline: frames to the dispatcher; a connection silent for three heartbeat periods, or
 * one that sends nothing but garbage, is closed (the pile logs in again when it comes back).
 */
final class YkcChannelHandler extends SimpleChannelInboundHandler<YkcFrame> {

    private static final Logger log = LoggerFactory.getLogger(YkcChannelHandler.class);
    private final YkcGateway gateway;
    private YkcConnection connection;

    YkcChannelHandler(YkcGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connection = gateway.newConnection(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, YkcFrame frame) {
        gateway.dispatcher().onFrame(connection, frame);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            log.info("Pile {}: three heartbeats missed, offline", connection.pile());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        gateway.closed(connection);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            log.info("Pile {} ({}): {} — closing", connection == null ? null : connection.pile(),
                    ctx.channel().remoteAddress(), cause.getMessage());
        } else {
            log.warn("Pile {}: connection error: {}", connection == null ? null : connection.pile(), cause.toString());
        }
        ctx.close();
    }
}
