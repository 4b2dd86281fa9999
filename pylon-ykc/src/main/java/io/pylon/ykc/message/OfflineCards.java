package io.pylon.ykc.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The pile's offline card list (cards it may start without the platform): 0x44 sync (≤ 15 cards a frame) /
 * 0x43 reply, 0x46 clear / 0x45 reply, 0x48 query / 0x47 reply.
 */
public final class OfflineCards {
    private OfflineCards() {}

    public static final int SYNC = 0x44, SYNC_REPLY = 0x43, CLEAR = 0x46, CLEAR_REPLY = 0x45, QUERY = 0x48,
            QUERY_REPLY = 0x47;
    /** Cards one sync frame may carry. */
    public static final int MAX_CARDS = 15;

    /** @param logical 16 digits; @param physical 16 hex digits */
    public record Card(String logical, String physical) {}

    /** One card's answer to a clear or a query: {@code ok} = cleared / present. */
    public record CardResult(String physical, boolean ok, int reason) {}

    private static void count(int n) {
        if (n > MAX_CARDS) throw new IllegalArgumentException("at most " + MAX_CARDS + " cards a frame, not " + n);
    }

    public record Sync(String pile, List<Card> cards) implements YkcMessage {
        public Sync {
            cards = List.copyOf(cards);
            count(cards.size());
        }

        static Sync read(BodyReader r) {
            String pile = r.bcd(7);
            int n = r.u8();
            if (n > MAX_CARDS) throw new MalformedBodyException(n + " cards in one sync");
            List<Card> cards = new ArrayList<>();
            for (int i = 0; i < n; i++) cards.add(new Card(r.bcd(8), r.hex(8)));
            return new Sync(pile, cards);
        }

        @Override
        public int type() {
            return SYNC;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).u8(cards.size());
            cards.forEach(c -> w.bcd(c.logical(), 8).hex(c.physical(), 8));
        }
    }

    /** @param reason when not saved: 1 bad card number, 2 no room */
    public record SyncReply(String pile, boolean saved, int reason) implements YkcMessage {
        static SyncReply read(BodyReader r) {
            return new SyncReply(r.bcd(7), r.u8() == 1, r.u8());
        }

        @Override
        public int type() {
            return SYNC_REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).u8(saved ? 1 : 0).u8(reason);
        }
    }

    /** 0x46 clear (ok = cleared) or 0x48 query (ok = present): a list of physical cards. */
    public record Cards(int type, String pile, List<String> physical) implements YkcMessage {
        public Cards {
            if (type != CLEAR && type != QUERY) throw new IllegalArgumentException("type " + type);
            physical = List.copyOf(physical);
            count(physical.size());
        }

        static Cards read(int type, BodyReader r) {
            String pile = r.bcd(7);
            int n = r.u8();
            if (n > MAX_CARDS) throw new MalformedBodyException(n + " cards in one frame");
            List<String> cards = new ArrayList<>();
            for (int i = 0; i < n; i++) cards.add(r.hex(8));
            return new Cards(type, pile, cards);
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).u8(physical.size());
            physical.forEach(c -> w.hex(c, 8));
        }
    }

    /** 0x45 / 0x47: per card, cleared or present (1) or not (0), and a reason byte. */
    public record CardsReply(int type, String pile, List<CardResult> results) implements YkcMessage {
        public CardsReply {
            if (type != CLEAR_REPLY && type != QUERY_REPLY) throw new IllegalArgumentException("type " + type);
            results = List.copyOf(results);
        }

        static CardsReply read(int type, BodyReader r) {
            String pile = r.bcd(7);
            if (r.remaining() % 10 != 0) throw new MalformedBodyException("card results of 10 bytes each expected");
            List<CardResult> results = new ArrayList<>();
            while (r.remaining() > 0) results.add(new CardResult(r.hex(8), r.u8() == 1, r.u8()));
            return new CardsReply(type, pile, results);
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7);
            results.forEach(c -> w.hex(c.physical(), 8).u8(c.ok() ? 1 : 0).u8(c.reason()));
        }
    }
}
