package vn.kiosk.server.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A round-robin TCP balancer in front of several server instances, as HAProxy
 * in TCP mode or nginx's stream module would be: each client connection goes
 * to the next backend that is not marked down; a backend that refuses the
 * connection (stopped, killed, restarting) is skipped and the next one tried,
 * so only requests already on a broken connection fail.
 */
public final class Balancer implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final int[] ports;
    private final boolean[] down;
    private final AtomicIntegerArray connections;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final NetClient client;
    private final NetServer server;

    public Balancer(int... ports) throws Exception {
        this.ports = ports.clone();
        this.down = new boolean[ports.length];
        this.connections = new AtomicIntegerArray(ports.length);
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(2000));
        this.server = vertx.createNetServer().connectHandler(this::accept);
        server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** An HTTP/1.1 client of the balancer, so that concurrent requests open several connections. */
    public Api api() {
        return Api.http1(baseUrl());
    }

    /** Takes a backend out of rotation (new connections only; open ones stay, as with a health check). */
    public synchronized void down(int backend) {
        down[backend] = true;
    }

    public synchronized void up(int backend) {
        down[backend] = false;
    }

    /** Connections handed to each backend so far. */
    public int connections(int backend) {
        return connections.get(backend);
    }

    /** Connection attempts a backend refused and another one took. */
    public int refused() {
        return refused.get();
    }

    private void accept(NetSocket front) {
        front.pause();
        connect(front, Math.floorMod(next.getAndIncrement(), ports.length), 0);
    }

    private void connect(NetSocket front, int backend, int tried) {
        if (tried == ports.length) {
            front.close();
            return;
        }
        int following = (backend + 1) % ports.length;
        synchronized (this) {
            if (down[backend]) {
                connect(front, following, tried + 1);
                return;
            }
        }
        client.connect(ports[backend], "127.0.0.1").onComplete(ar -> {
            if (ar.failed()) {
                refused.incrementAndGet();
                connect(front, following, tried + 1);
                return;
            }
            connections.incrementAndGet(backend);
            NetSocket back = ar.result();
            front.pipeTo(back);
            back.pipeTo(front);
            // Either side gone closes the other, so a client never writes into a connection nobody reads.
            front.closeHandler(v -> back.close());
            back.closeHandler(v -> front.close());
        });
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
