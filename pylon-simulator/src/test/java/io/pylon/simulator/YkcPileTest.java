package io.pylon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.ykc.codec.Crc16Modbus;
import io.pylon.ykc.codec.YkcFrame;
import io.pylon.ykc.message.Login;
import io.pylon.ykc.message.ParallelCharging;
import io.pylon.ykc.message.RealTimeData;
import io.pylon.ykc.message.RemoteStart;
import io.pylon.ykc.message.StartRequest;
import io.pylon.ykc.message.YkcMessage;
import io.pylon.ykc.message.YkcMessages;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A simulated YKC pile against a bare platform socket: idle guns send real-time data with status idle at their own
 * period, and a V1.6 parallel remote start (0xA3) is answered 0xA4 with its master flag and parallel serial.
 */
class YkcPileTest {

    private static final String PILE = "32010000000001";

    @Test
    void idleGunsReportAtTheirPeriodAndParallelStartsAreAnswered() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            YkcFleetConfig config = YkcFleetConfig.defaults("127.0.0.1", server.getLocalPort()).withCount(1)
                    .withPilePrefix("3201").withGuns(2).withIntervals(Duration.ofSeconds(30), Duration.ofSeconds(15))
                    .withIdleReports(Duration.ofMillis(200)).withCharging(0, List.of(), Duration.ofMinutes(20), 60)
                    .withRun(0, null, 1L, List.of());
            try (YkcFleet fleet = YkcFleet.start(config); Socket pile = server.accept()) {
                pile.setSoTimeout(200);
                DataInputStream in = new DataInputStream(pile.getInputStream());
                OutputStream out = pile.getOutputStream();
                Login.Request login = (Login.Request) next(in, Duration.ofSeconds(5)).message();
                assertThat(login.pile()).isEqualTo(PILE);
                write(out, 1, new Login.Reply(PILE, true));

                List<RealTimeData.Report> idle = new ArrayList<>();
                long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
                while (System.nanoTime() < until) {
                    Frame f = next(in, Duration.ofMillis(100));
                    if (f != null && f.message() instanceof RealTimeData.Report r && r.status() == RealTimeData.IDLE) idle.add(r);
                }
                // one report per gun at login, then one per gun every 200 ms: far more than the login's two
                assertThat(idle.stream().filter(r -> r.gun() == 1).count()).isGreaterThanOrEqualTo(4);
                assertThat(idle.stream().filter(r -> r.gun() == 2).count()).isGreaterThanOrEqualTo(4);

                String serial = PILE + "01" + "250101120000" + "0001";
                write(out, 7, parallel(serial, 1, true));
                write(out, 8, parallel(serial, 2, false));
                List<ParallelCharging.RemoteStartReply> replies = replies(in, 2);
                assertThat(replies).extracting(r -> r.single().gun(), ParallelCharging.RemoteStartReply::master,
                        r -> r.single().started(), ParallelCharging.RemoteStartReply::parallelSerial)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, true, true, "250101120000"),
                                org.assertj.core.groups.Tuple.tuple(2, false, true, "250101120000"));

                write(out, 9, parallel(PILE + "02" + "250101120001" + "0002", 2, true)); // the gun follows a session
                ParallelCharging.RemoteStartReply busy = replies(in, 1).getFirst();
                assertThat(busy.single().started()).isFalse();
                assertThat(busy.single().reason()).isEqualTo(2);
            }
        }
    }

    @Test
    void aDrivenPileStartsItsShareOfGunsSoonAfterLoginAndTriesAgainAfterARefusal() throws Exception {
        // every gun charging: both start within the start-up spread (2 to 12 s), none waits a session's length
        try (DrivenPile p = DrivenPile.loggedIn(2, 1.0, 7L)) {
            List<StartRequest.Request> starts = startRequests(p.in(), 2, Duration.ofSeconds(14));
            assertThat(starts).extracting(StartRequest.Request::gun).containsExactlyInAnyOrder(1, 2);
            assertThat(starts).allSatisfy(r -> assertThat(r.card()).endsWith("1234ABCD"));

            // gun 1 refused (no credit): the driver comes back after an idle gap (1 s here, every gun charging)
            write(p.out(), 2, new StartRequest.Authorisation("0".repeat(32), PILE, 1, "0", BigDecimal.ZERO, false, 3));
            assertThat(startRequests(p.in(), 1, Duration.ofSeconds(4))).extracting(StartRequest.Request::gun).containsExactly(1);
        }
    }

    @Test
    void withHalfTheGunsChargingAboutHalfStartAtOnceNotASessionLengthLater() throws Exception {
        try (DrivenPile p = DrivenPile.loggedIn(8, 0.5, 11L)) {
            java.util.Set<Integer> started = new java.util.HashSet<>();
            long until = System.nanoTime() + Duration.ofSeconds(13).toNanos();
            while (System.nanoTime() < until) {
                Frame f = next(p.in(), Duration.ofMillis(200));
                if (f != null && f.message() instanceof StartRequest.Request r) started.add(r.gun());
            }
            // the others wait an idle gap of 20 minutes on average: none of them within the start-up spread
            assertThat(started.size()).as("guns started in the first 13 s: %s", started).isBetween(2, 6);
        }
    }

    /** One simulated pile driving card sessions (card 1234ABCD, 20-minute sessions), logged in to a bare socket. */
    private record DrivenPile(ServerSocket server, YkcFleet fleet, Socket socket, DataInputStream in, OutputStream out)
            implements AutoCloseable {

        static DrivenPile loggedIn(int guns, double share, long seed) throws IOException {
            ServerSocket server = new ServerSocket(0);
            YkcFleet fleet = YkcFleet.start(YkcFleetConfig.defaults("127.0.0.1", server.getLocalPort()).withCount(1)
                    .withPilePrefix("3201").withGuns(guns).withIntervals(Duration.ofSeconds(30), Duration.ofSeconds(15))
                    .withCharging(share, List.of("1234ABCD"), Duration.ofMinutes(20), 60).withRun(0, null, seed, List.of()));
            Socket socket = server.accept();
            socket.setSoTimeout(200);
            DrivenPile pile = new DrivenPile(server, fleet, socket, new DataInputStream(socket.getInputStream()), socket.getOutputStream());
            next(pile.in(), Duration.ofSeconds(5));
            write(pile.out(), 1, new Login.Reply(PILE, true));
            return pile;
        }

        @Override
        public void close() throws IOException {
            fleet.close();
            socket.close();
            server.close();
        }
    }

    private static List<StartRequest.Request> startRequests(DataInputStream in, int n, Duration within) throws IOException {
        List<StartRequest.Request> found = new ArrayList<>();
        long until = System.nanoTime() + within.toNanos();
        while (found.size() < n && System.nanoTime() < until) {
            Frame f = next(in, Duration.ofMillis(200));
            if (f != null && f.message() instanceof StartRequest.Request r) found.add(r);
        }
        assertThat(found).as("0x31 start requests").hasSize(n);
        return found;
    }

    private static ParallelCharging.RemoteStartCommand parallel(String serial, int gun, boolean master) {
        return new ParallelCharging.RemoteStartCommand(new RemoteStart.Command(serial, PILE, gun, "0".repeat(16),
                "00000000DEADBEEF", new BigDecimal("50.00")), master, "250101120000");
    }

    private static List<ParallelCharging.RemoteStartReply> replies(DataInputStream in, int n) throws IOException {
        List<ParallelCharging.RemoteStartReply> replies = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (replies.size() < n && System.nanoTime() < until) {
            Frame f = next(in, Duration.ofMillis(200));
            if (f != null && f.message() instanceof ParallelCharging.RemoteStartReply r) replies.add(r);
        }
        assertThat(replies).as("0xA4 answers").hasSize(n);
        return replies;
    }

    private record Frame(int sequence, YkcMessage message) {}

    /** The next frame within the time, or null; the CRC is checked (the simulator writes it low byte first). */
    private static Frame next(DataInputStream in, Duration within) throws IOException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            int start;
            try {
                start = in.read();
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (start < 0) throw new AssertionError("the pile closed the connection");
            assertThat(start).isEqualTo(0x68);
            int length = in.readUnsignedByte();
            byte[] rest = new byte[length];
            in.readFully(rest);
            int crc = in.readUnsignedByte() | in.readUnsignedByte() << 8;
            assertThat(crc).isEqualTo(Crc16Modbus.of(rest));
            YkcFrame frame = new YkcFrame((rest[0] & 0xFF) << 8 | rest[1] & 0xFF, rest[2] & 0xFF, rest[3] & 0xFF,
                    Arrays.copyOfRange(rest, 4, rest.length));
            return new Frame(frame.sequence(), YkcMessages.decode(frame));
        }
        return null;
    }

    private static void write(OutputStream out, int sequence, YkcMessage message) throws IOException {
        YkcFrame frame = YkcMessages.frame(sequence, message);
        byte[] body = frame.body();
        byte[] covered = new byte[4 + body.length];
        covered[0] = (byte) (frame.sequence() >>> 8);
        covered[1] = (byte) frame.sequence();
        covered[2] = (byte) frame.encrypted();
        covered[3] = (byte) frame.type();
        System.arraycopy(body, 0, covered, 4, body.length);
        int crc = Crc16Modbus.of(covered);
        out.write(0x68);
        out.write(covered.length);
        out.write(covered);
        out.write(crc & 0xFF);
        out.write(crc >>> 8);
        out.flush();
    }
}
