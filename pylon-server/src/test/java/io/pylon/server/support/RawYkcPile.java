package io.pylon.server.support;

import io.pylon.ykc.codec.Crc16Modbus;
import io.pylon.ykc.codec.YkcFrame;
import io.pylon.ykc.message.Login;
import io.pylon.ykc.message.YkcMessage;
import io.pylon.ykc.message.YkcMessages;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A YKC pile on a plain blocking socket, for tests: writes frames (or raw bytes), reads the platform's frames
 * with its own parser (CRC checked, either byte order), keeps those a test has not asked for yet.
 */
public final class RawYkcPile implements AutoCloseable {

    public record Received(int sequence, YkcMessage message) {}

    private static final Received TIMEOUT = new Received(-1, new io.pylon.ykc.message.Unknown(0, new byte[0]));
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final List<Received> unread = new ArrayList<>();
    private int sequence;

    private RawYkcPile(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawYkcPile connect(int port) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setTcpNoDelay(true);
            return new RawYkcPile(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and logs in as a V1.6 DC pile with {@code guns} guns; asserts nothing, returns the reply. */
    public static RawYkcPile loggedIn(int port, String pile, int guns) {
        RawYkcPile p = connect(port);
        p.send(new Login.Request(pile, 0, guns, Login.V16, "T1.0", 1, "0".repeat(20), 4));
        Login.Reply reply = (Login.Reply) p.expect(Login.REPLY).message();
        if (!reply.accepted()) throw new IllegalStateException("login of " + pile + " refused");
        return p;
    }

    /** Sends a message with the next sequence number; returns the sequence used. */
    public int send(YkcMessage message) {
        return send(++sequence, message);
    }

    public int send(int seq, YkcMessage message) {
        raw(bytes(YkcMessages.frame(seq, message)));
        return seq;
    }

    public void raw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame of this type (others are kept for later), within 10 s. */
    public Received expect(int type) {
        return expect(type, Duration.ofSeconds(10));
    }

    public Received expect(int type, Duration within) {
        Instant until = Instant.now().plus(within);
        while (true) {
            for (Iterator<Received> it = unread.iterator(); it.hasNext(); ) {
                Received r = it.next();
                if (r.message().type() == type) {
                    it.remove();
                    return r;
                }
            }
            Duration left = Duration.between(Instant.now(), until);
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError("no frame 0x" + Integer.toHexString(type) + " within " + within + "; got " + unread);
            }
            Received next = read(left);
            if (next == null) {
                throw new AssertionError("connection closed while waiting for 0x" + Integer.toHexString(type));
            }
            if (next != TIMEOUT) unread.add(next);
        }
    }

    /** Whether the platform closed the connection within the time (frames arriving meanwhile are kept). */
    public boolean closedWithin(Duration within) {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            Received next = read(Duration.between(Instant.now(), until));
            if (next == null) return true;
            if (next != TIMEOUT) unread.add(next);
        }
        return false;
    }

    /** Frames received and not asked for yet. */
    public List<Received> unread() {
        return unread;
    }

    private Received read(Duration within) {
        try {
            socket.setSoTimeout((int) Math.max(1, within.toMillis()));
            int start = in.read();
            if (start < 0) return null;
            if (start != 0x68) throw new AssertionError("platform sent 0x" + Integer.toHexString(start) + " where a frame starts");
            int length = in.readUnsignedByte();
            byte[] rest = new byte[length];
            in.readFully(rest);
            int crc = in.readUnsignedByte() | in.readUnsignedByte() << 8;
            if (crc != Crc16Modbus.of(rest)) throw new AssertionError("platform frame with a bad CRC (or not low byte first)");
            byte[] body = java.util.Arrays.copyOfRange(rest, 4, rest.length);
            YkcFrame frame = new YkcFrame((rest[0] & 0xFF) << 8 | rest[1] & 0xFF, rest[2] & 0xFF, rest[3] & 0xFF, body);
            return new Received(frame.sequence(), YkcMessages.decode(frame));
        } catch (SocketTimeoutException e) {
            return TIMEOUT;
        } catch (EOFException e) {
            return null;
        } catch (IOException e) {
            if (socket.isClosed()) return null;
            return null;
        }
    }

    public static byte[] bytes(YkcFrame frame) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] body = frame.body();
        byte[] covered = new byte[4 + body.length];
        covered[0] = (byte) (frame.sequence() >>> 8);
        covered[1] = (byte) frame.sequence();
        covered[2] = (byte) frame.encrypted();
        covered[3] = (byte) frame.type();
        System.arraycopy(body, 0, covered, 4, body.length);
        int crc = Crc16Modbus.of(covered);
        b.write(0x68);
        b.write(covered.length);
        b.writeBytes(covered);
        b.write(crc >>> 8); // high byte first, as most piles send it
        b.write(crc & 0xFF);
        return b.toByteArray();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
