package io.jenkins.plugins.tableaupat.simulator;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The public port of a plain-http listener, relaying bytes to the HttpServer behind it. It exists for one
 * case: a client speaking TLS to this http port. HttpServer would wait forever for a request line in the
 * ClientHello; a real web server answers 400 in plain text, and the client fails its handshake at once.
 */
final class PlainHttpFrontDoor implements Closeable {
    private static final Logger LOG = Logger.getLogger(PlainHttpFrontDoor.class.getName());
    private static final int TLS_HANDSHAKE = 0x16;
    private static final byte[] BAD_REQUEST = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 12\r\nConnection: close\r\n\r\nBad Request\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ExecutorService executor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Thread acceptor;

    PlainHttpFrontDoor(int port, InetSocketAddress backend, ExecutorService executor) throws IOException {
        this.listener = new ServerSocket(port, 512, InetAddress.getLoopbackAddress());
        this.backend = backend;
        this.executor = executor;
    }

    int port() {
        return listener.getLocalPort();
    }

    void start() {
        Thread t = new Thread(this::acceptLoop, "tableau-simulator-accept-" + port());
        t.setDaemon(true);
        acceptor = t;
        t.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                track(client);
                executor.execute(() -> serve(client));
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.FINE, "accept failed", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket server = null;
        try {
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            int first = in.read();
            if (first < 0) {
                return;
            }
            if (first == TLS_HANDSHAKE) {
                refuseTls(client, in);
                return;
            }
            server = track(new Socket(backend.getAddress(), backend.getPort()));
            server.setTcpNoDelay(true);
            Socket upstream = server;
            executor.execute(() -> pump(upstream, client));
            OutputStream out = server.getOutputStream();
            out.write(first);
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINEST, "relay ended", e);
        } finally {
            // Either side ending ends the connection: a dropped backend connection must reach the client.
            close(client);
            close(server);
        }
    }

    /** Backend to client; when the backend closes (for example a drop-connection fault), so does the client. */
    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINEST, "relay ended", e);
        } finally {
            close(from);
            close(to);
        }
    }

    /** Reads the rest of the TLS record (so the close is not a reset), then answers like a web server. */
    private static void refuseTls(Socket client, InputStream in) throws IOException {
        client.setSoTimeout(1000);
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[4];
        data.readFully(header);
        int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        data.readFully(new byte[Math.min(length, 1 << 16)]);
        client.getOutputStream().write(BAD_REQUEST);
        client.shutdownOutput();
        try {
            while (in.read() >= 0) {
                // wait for the client to give up, so it reads our answer rather than a reset
            }
        } catch (SocketException e) {
            // closed by the client or by close()
        }
    }

    private Socket track(Socket s) {
        open.add(s);
        if (closed) {
            close(s);
        }
        return s;
    }

    private void close(Socket s) {
        if (s != null) {
            open.remove(s);
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        // The port is released only once the thread blocked in accept() has left it: wait for that, so
        // that the port is free when close() returns (on a busy machine that thread may run late).
        Thread t = acceptor;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Socket s : open) {
            close(s);
        }
    }
}
