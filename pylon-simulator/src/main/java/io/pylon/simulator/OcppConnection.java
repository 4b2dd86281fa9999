package io.pylon.simulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Netty WebSocket client pipeline for one charger connection with the {@code ocpp1.6} subprotocol. */
final class OcppConnection extends SimpleChannelInboundHandler<WebSocketFrame> {
    static final String SUBPROTOCOL = "ocpp1.6";
    private static final int MAX_FRAME = 1 << 20;

    /** Callbacks, invoked on the channel's event loop. */
    interface Listener {
        void onOpen(Channel channel);

        void onText(Channel channel, String text);

        void onClose(Channel channel);
    }

    private final Listener listener;

    private OcppConnection(Listener listener) {
        this.listener = listener;
    }

    /** @return the charger's endpoint: base URL + "/" + URL-encoded id */
    static URI endpoint(URI baseUrl, String chargerId) {
        String base = baseUrl.toString();
        String encoded = URLEncoder.encode(chargerId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create((base.endsWith("/") ? base : base + "/") + encoded);
    }

    /**
     * Opens a connection; {@link Listener#onOpen} fires once the WebSocket handshake completed.
     *
     * @return the TCP connect future
     */
    static ChannelFuture connect(Bootstrap template, EventLoop loop, URI uri, InetAddress local, String chargerId,
            String password, SslContext ssl, long timeoutMillis, Listener listener) {
        HttpHeaders headers = new DefaultHttpHeaders();
        if (password != null) {
            String token = Base64.getEncoder()
                    .encodeToString((chargerId + ":" + password).getBytes(StandardCharsets.UTF_8));
            headers.set(HttpHeaderNames.AUTHORIZATION, "Basic " + token);
        }
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri).subprotocol(SUBPROTOCOL).customHeaders(headers)
                .handshakeTimeoutMillis(timeoutMillis).maxFramePayloadLength(MAX_FRAME)
                .dropPongFrames(true).handleCloseFrames(true).build();
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : ("wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        Bootstrap bootstrap = template.clone(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ChannelPipeline p = ch.pipeline();
                if (ssl != null) {
                    p.addLast(ssl.newHandler(ch.alloc(), host, port));
                }
                p.addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                        new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME),
                        new OcppConnection(listener));
            }
        });
        if (local != null) {
            bootstrap.localAddress(new InetSocketAddress(local, 0));
        }
        return bootstrap.connect(host, port);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            listener.onOpen(ctx.channel());
        } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            ctx.close();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            listener.onText(ctx.channel(), text.text());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        listener.onClose(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
