package io.pylon.server.ykc;

import io.pylon.ykc.message.BillingModel;
import io.pylon.ykc.message.BillingModelCheck;
import io.pylon.ykc.message.YkcMessage;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 0x05 billing-model check (answered "same" or "different") and 0x09 model request (answered with the station's
 * current tariff as a model, 0x0A). A pile whose station has no tariff is told its model is current and sent none.
 */
@Component("ykcBillingModelHandler")
public class BillingModelHandler implements YkcHandler {

    private static final Logger log = LoggerFactory.getLogger(BillingModelHandler.class);
    private final BillingModels models;

    public BillingModelHandler(BillingModels models) {
        this.models = models;
    }

    @Override
    public Set<Integer> types() {
        return Set.of(BillingModelCheck.REQUEST, BillingModel.REQUEST);
    }

    @Override
    public void handle(YkcConnection connection, int sequence, YkcMessage message) {
        String pile = connection.pile();
        if (message instanceof BillingModelCheck.Request check) {
            if (!Piles.ours(connection, check.pile(), message.type())) return;
            boolean same = models.holdsCurrent(pile, check.model());
            connection.reply(sequence, new BillingModelCheck.Reply(pile, check.model(), same));
        } else if (message instanceof BillingModel.Request request) {
            if (!Piles.ours(connection, request.pile(), message.type())) return;
            Optional<BillingModel> model = models.current(pile);
            if (model.isEmpty()) {
                log.info("Pile {} asked for a billing model but its station has no tariff in force", pile);
                return;
            }
            connection.reply(sequence, new BillingModel.Answer(model.get()));
            models.sent(model.get());
        }
    }
}
