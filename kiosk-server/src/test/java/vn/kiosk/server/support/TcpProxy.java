package vn.kiosk.server.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy between the server and PostgreSQL that can fail like a network:
 * cut every connection abruptly (RST), stall them (nothing forwarded, nothing
 * closed), or refuse new ones.
 */
public final class TcpProxy implements AutoCloseable {
    public enum Mode { OPEN, STALLED, REFUSING }

    private final Vertx vertx = Vertx.vertx();
    private final NetServer server;
    private final NetClient client;
    private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.OPEN;

    private TcpProxy(String host, int port) throws Exception {
        // SO_LINGER 0: close() sends a reset, as when a cable is pulled or a firewall drops the flow
        client = vertx.createNetClient(new NetClientOptions().setSoLinger(0).setConnectTimeout(5000));
        server = vertx.createNetServer(new NetServerOptions().setSoLinger(0)).connectHandler(front -> {
            if (mode == Mode.REFUSING) {
                front.close();
                return;
            }
            front.pause();
            client.connect(port, host).onSuccess(back -> {
                sockets.add(front);
                sockets.add(back);
                pipe(front, back);
                pipe(back, front);
                front.resume();
            }).onFailure(t -> front.close());
        });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static TcpProxy to(String host, int port) throws Exception {
        return new TcpProxy(host, port);
    }

    public int port() {
        return server.actualPort();
    }

    private void pipe(NetSocket from, NetSocket to) {
        from.handler(data -> {
            if (mode == Mode.OPEN) {
                to.write(data);
                if (to.writeQueueFull()) {
                    from.pause();
                    to.drainHandler(v -> from.resume());
                }
            }
            // stalled: the bytes are swallowed, as by a link that went silent
        });
        from.closeHandler(v -> {
            sockets.remove(from);
            to.close();
        });
        from.exceptionHandler(t -> from.close());
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Resets every proxied connection, both sides; returns how many sockets were cut. */
    public int cutAll() {
        int n = sockets.size();
        for (NetSocket s : sockets) {
            s.close();
        }
        return n;
    }

    @Override
    public void close() throws Exception {
        cutAll();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
