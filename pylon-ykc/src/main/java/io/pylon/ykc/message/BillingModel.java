package io.pylon.ykc.message;

import java.math.BigDecimal;
import java.util.List;

/**
 * A billing model (计费模型): unit prices of the four bands sharp/peak/flat/valley and the band of each of the
 * 48 half hours of the day. Sent as 0x0A in answer to the pile's 0x09 request, or pushed unasked as 0x58
 * (answered by 0x57).
 *
 * @param electricity per band (sharp, peak, flat, valley), yuan/kWh with 5 decimals
 * @param service     per band, yuan/kWh with 5 decimals
 * @param lossRatio   计损比例, percent (0 = none)
 * @param slots       48 band indexes (0 sharp, 1 peak, 2 flat, 3 valley) from 00:00
 */
public record BillingModel(String pile, int model, List<BigDecimal> electricity, List<BigDecimal> service,
                           int lossRatio, List<Integer> slots) {

    public static final int REQUEST = 0x09;
    public static final int MODEL = 0x0A;
    public static final int PUSH = 0x58;
    public static final int PUSH_REPLY = 0x57;
    public static final int BANDS = 4;
    public static final int SLOTS = 48;

    public BillingModel {
        electricity = List.copyOf(electricity);
        service = List.copyOf(service);
        slots = List.copyOf(slots);
        if (electricity.size() != BANDS || service.size() != BANDS) {
            throw new IllegalArgumentException("a billing model has " + BANDS + " band prices");
        }
        if (slots.size() != SLOTS || slots.stream().anyMatch(s -> s < 0 || s >= BANDS)) {
            throw new IllegalArgumentException("a billing model has " + SLOTS + " slots of band 0..3: " + slots);
        }
    }

    static BillingModel read(BodyReader r) {
        String pile = r.bcd(7);
        int model = r.bcdNumber(2);
        BigDecimal[] e = new BigDecimal[BANDS];
        BigDecimal[] s = new BigDecimal[BANDS];
        for (int band = 0; band < BANDS; band++) {
            e[band] = r.scaled(4, 5);
            s[band] = r.scaled(4, 5);
        }
        int loss = r.u8();
        Integer[] slots = new Integer[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = r.u8();
            if (slots[i] >= BANDS) throw new MalformedBodyException("slot " + i + " has band " + slots[i]);
        }
        return new BillingModel(pile, model, List.of(e), List.of(s), loss, List.of(slots));
    }

    void write(BodyWriter w) {
        w.bcd(pile, 7).bcdNumber(model, 2);
        for (int band = 0; band < BANDS; band++) {
            w.scaled(electricity.get(band), 4, 5).scaled(service.get(band), 4, 5);
        }
        w.u8(lossRatio);
        slots.forEach(w::u8);
    }

    /** The same prices and slots under another pile code and model number. */
    public BillingModel forPile(String pileCode, int modelNumber) {
        return new BillingModel(pileCode, modelNumber, electricity, service, lossRatio, slots);
    }

    /** Same prices, loss ratio and slots (pile and number aside). */
    public boolean sameTerms(BillingModel other) {
        return other != null && lossRatio == other.lossRatio && slots.equals(other.slots)
                && sameNumbers(electricity, other.electricity) && sameNumbers(service, other.service);
    }

    private static boolean sameNumbers(List<BigDecimal> a, List<BigDecimal> b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).compareTo(b.get(i)) != 0) return false;
        }
        return true;
    }

    /** 0x09: the pile asks for the current model. */
    public record Request(String pile) implements YkcMessage {
        static Request read(BodyReader r) {
            return new Request(r.bcd(7));
        }

        @Override
        public int type() {
            return REQUEST;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7);
        }
    }

    /** 0x0A: the model, in answer to 0x09. */
    public record Answer(BillingModel model) implements YkcMessage {
        static Answer read(BodyReader r) {
            return new Answer(BillingModel.read(r));
        }

        @Override
        public int type() {
            return MODEL;
        }

        @Override
        public void write(BodyWriter w) {
            model.write(w);
        }
    }

    /** 0x58: the platform pushes a model unasked (a tariff changed). */
    public record Push(BillingModel model) implements YkcMessage {
        static Push read(BodyReader r) {
            return new Push(BillingModel.read(r));
        }

        @Override
        public int type() {
            return PUSH;
        }

        @Override
        public void write(BodyWriter w) {
            model.write(w);
        }
    }

    /** 0x57: the pile's answer to a push. */
    public record PushReply(String pile, boolean ok) implements YkcMessage {
        static PushReply read(BodyReader r) {
            return new PushReply(r.bcd(7), r.u8() == 1);
        }

        @Override
        public int type() {
            return PUSH_REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).u8(ok ? 1 : 0);
        }
    }
}
