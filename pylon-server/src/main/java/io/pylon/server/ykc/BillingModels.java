package io.pylon.server.ykc;

import io.pylon.domain.charger.Charger;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.order.BillingContext;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.DayPrices;
import io.pylon.domain.tariff.DaySchedule;
import io.pylon.domain.tariff.TariffTerms;
import io.pylon.ykc.message.BillingModel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A station's tariff as a YKC billing model: the version in force now, the schedule of today's type of day
 * (workday or holiday; a model has one day), its four band prices (a band no slot uses is sent at 0), no loss
 * ratio. Model numbers are counted per pile: the number changes whenever the terms sent to the pile change, so
 * the pile's billing-model check (0x05) tells whether it holds the current one.
 */
@Component
public class BillingModels {

    private final ChargerRepository chargers;
    private final BillingContext.Source contexts;
    private final YkcStore store;
    private final Clock clock;

    public BillingModels(ChargerRepository chargers, BillingContext.Source contexts, YkcStore store, Clock clock) {
        this.chargers = chargers;
        this.contexts = contexts;
        this.store = store;
        this.clock = clock;
    }

    /** The model the pile should hold now, numbered; empty when its station has no tariff in force. */
    public Optional<BillingModel> current(String pile) {
        Optional<BillingModel> terms = terms(pile);
        if (terms.isEmpty()) return Optional.empty();
        Optional<YkcStore.SentModel> sent = store.sentModel(pile);
        String text = terms(terms.get());
        int number = sent.filter(s -> text.equals(s.terms())).map(YkcStore.SentModel::number)
                .orElseGet(() -> sent.map(s -> s.number() % 9999 + 1).orElse(1));
        return Optional.of(terms.get().forPile(pile, number));
    }

    /** Whether the pile holds the current model, by the number it reports (a pile without a tariff is never told to ask). */
    public boolean holdsCurrent(String pile, int reportedNumber) {
        Optional<BillingModel> current = current(pile);
        if (current.isEmpty()) return true;
        Optional<YkcStore.SentModel> sent = store.sentModel(pile);
        return sent.isPresent() && sent.get().number() == reportedNumber && sent.get().number() == current.get().model()
                && terms(current.get()).equals(sent.get().terms());
    }

    /** Remembers that the pile was sent this model. */
    public void sent(BillingModel model) {
        store.modelSent(model.pile(), new YkcStore.SentModel(model.model(), terms(model)), clock.instant());
    }

    /** Whether the model last sent to the pile differs from the current one. */
    public boolean changed(String pile) {
        Optional<BillingModel> current = current(pile);
        if (current.isEmpty()) return false;
        return store.sentModel(pile).map(s -> !terms(current.get()).equals(s.terms())).orElse(true);
    }

    private Optional<BillingModel> terms(String pile) {
        Charger charger = chargers.find(pile).orElse(null);
        if (charger == null || charger.stationId() == null) return Optional.empty();
        BillingContext context = contexts.of(pile, charger.stationId(), charger.operatorId());
        Instant now = clock.instant();
        return context.tariff().flatMap(t -> DayPrices.at(t, context.zone(), context.calendar(), now))
                .map(day -> of(day.version().terms(), day.version().terms().scheduleFor(day.dayType())));
    }

    /** The terms and one day's schedule as a model (pile code and number left empty). */
    static BillingModel of(TariffTerms terms, DaySchedule schedule) {
        List<BigDecimal> electricity = new ArrayList<>();
        List<BigDecimal> service = new ArrayList<>();
        for (Band band : Band.values()) {
            BandPrice price = terms.prices().get(band);
            electricity.add(price == null ? BigDecimal.ZERO : price.electricityPerKwh());
            service.add(price == null ? BigDecimal.ZERO : price.servicePerKwh());
        }
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < DaySchedule.SLOTS; i++) {
            slots.add(schedule.bandAt(LocalTime.ofSecondOfDay(i * 1800L)).ordinal());
        }
        return new BillingModel("0", 0, electricity, service, 0, slots);
    }

    /** A model's terms as text, to compare with what was sent: prices, loss ratio, slots. */
    static String terms(BillingModel model) {
        return model.electricity().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(","))
                + "|" + model.service().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(","))
                + "|" + model.lossRatio() + "|" + model.slots().stream().map(String::valueOf).collect(Collectors.joining());
    }
}
