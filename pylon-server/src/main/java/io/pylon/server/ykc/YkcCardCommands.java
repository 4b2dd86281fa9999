package io.pylon.server.ykc;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.CommandResult;
import io.pylon.domain.command.LocalListEntry;
import io.pylon.ykc.message.CardBalance;
import io.pylon.ykc.message.OfflineCards;
import io.pylon.ykc.message.YkcMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * The commands about a pile's cards, with the pile's answers in the result: card balance update (0x42/0x41), the
 * offline card list's sync (0x44/0x43, 15 cards a frame), clear (0x46/0x45) and query (0x48/0x47). A pile knows a
 * card by its physical number, so every id tag named must be a card's hex digits (up to 16).
 */
@Component
public class YkcCardCommands {

    private final YkcCards cards;

    public YkcCardCommands(YkcCards cards) {
        this.cards = cards;
    }

    /** 0x42: the card's available wallet money at the pile's operator; Accepted when the pile stored it (result 0). */
    CompletableFuture<CommandResult> balance(YkcConnection c, ChargerCommand.CardBalance command, Duration timeout) {
        String card = card(command.idTag(), "idTag");
        int gun = command.connectorId() == null ? 1 : command.connectorId();
        BigDecimal balance = cards.balance(c.pile(), command.idTag());
        return c.call(new CardBalance.Update(c.pile(), gun, card, balance), CardBalance.REPLY,
                m -> sameCard(((CardBalance.Reply) m).card(), card), timeout).thenApply(m -> {
                    int result = ((CardBalance.Reply) m).result();
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("idTag", card);
                    data.put("balance", balance.toPlainString());
                    data.put("result", result);
                    if (result != 0) data.put("reason", result == 1 ? "the pile does not know the card" : "pile result " + result);
                    return new CommandResult(result == 0 ? "Accepted" : "Rejected", data);
                });
    }

    /**
     * Entries with an authorisation go to the pile's offline list (0x44), removals are cleared (0x46). The result
     * lists what the pile answered: {@code added} per sync frame (saved, reason) and {@code removed} per card
     * (cleared, reason), and {@code skipped} id tags that are no card; Accepted only when the pile took everything.
     */
    CompletableFuture<CommandResult> sendLocalList(YkcConnection c, ChargerCommand.SendLocalList list, Duration timeout) {
        List<YkcMessage> frames = new ArrayList<>();
        List<OfflineCards.Card> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (LocalListEntry e : list.entries()) {
            String physical = YkcCards.physicalCard(e.idTag());
            if (physical.chars().allMatch(ch -> ch == '0')) {
                skipped.add(e.idTag()); // a VIN or an app account: not a card the pile could hold
                continue;
            }
            if (e.authorization() == null || !e.authorization().accepted()) remove.add(physical);
            else add.add(new OfflineCards.Card(cards.logicalCard(e.idTag()), physical));
        }
        for (List<OfflineCards.Card> chunk : chunks(add)) frames.add(new OfflineCards.Sync(c.pile(), chunk));
        for (List<String> chunk : chunks(remove)) frames.add(new OfflineCards.Cards(OfflineCards.CLEAR, c.pile(), chunk));
        List<Map<String, Object>> added = new ArrayList<>();
        List<Map<String, Object>> removed = new ArrayList<>();
        CompletableFuture<Boolean> all = CompletableFuture.completedFuture(true);
        for (YkcMessage frame : frames) {
            int replyType = frame.type() == OfflineCards.SYNC ? OfflineCards.SYNC_REPLY : OfflineCards.CLEAR_REPLY;
            all = all.thenCompose(ok -> c.call(frame, replyType, m -> true, timeout).thenApply(reply -> switch (reply) {
                case OfflineCards.SyncReply r -> {
                    for (OfflineCards.Card card : ((OfflineCards.Sync) frame).cards()) {
                        added.add(entry(card.physical(), "saved", r.saved(), r.reason()));
                    }
                    yield ok && r.saved();
                }
                case OfflineCards.CardsReply r -> {
                    r.results().forEach(x -> removed.add(entry(x.physical(), "cleared", x.ok(), x.reason())));
                    yield ok && r.results().stream().allMatch(OfflineCards.CardResult::ok);
                }
                default -> false;
            }));
        }
        return all.thenApply(ok -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("frames", frames.size());
            data.put("added", added);
            data.put("removed", removed);
            data.put("skipped", skipped);
            return new CommandResult(ok ? "Accepted" : "Failed", data);
        });
    }

    /** 0x48: which of the cards the pile's offline list holds; the result lists each card with {@code present}. */
    CompletableFuture<CommandResult> query(YkcConnection c, ChargerCommand.QueryLocalList query, Duration timeout) {
        if (query.idTags() == null || query.idTags().isEmpty()) {
            throw new IllegalArgumentException("idTags: name at least one card");
        }
        List<String> physical = query.idTags().stream().map(t -> card(t, "idTags")).toList();
        List<Map<String, Object>> found = new ArrayList<>();
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (List<String> chunk : chunks(physical)) {
            YkcMessage frame = new OfflineCards.Cards(OfflineCards.QUERY, c.pile(), chunk);
            all = all.thenCompose(x -> c.call(frame, OfflineCards.QUERY_REPLY, m -> true, timeout).thenAccept(m ->
                    ((OfflineCards.CardsReply) m).results().forEach(r -> found.add(entry(r.physical(), "present", r.ok(), r.reason())))));
        }
        return all.thenApply(x -> new CommandResult("Accepted", Map.of("cards", found)));
    }

    /** The physical card field of an id tag; an id tag that is no card is a caller error. */
    static String card(String idTag, String field) {
        String physical = YkcCards.physicalCard(idTag == null ? "" : idTag);
        if (idTag == null || physical.chars().allMatch(ch -> ch == '0')) {
            throw new IllegalArgumentException(field + ": " + idTag + " is not a card a YKC pile knows (1 to 16 hex digits)");
        }
        return physical;
    }

    private static boolean sameCard(String a, String b) {
        return YkcCards.idTag(a).equals(YkcCards.idTag(b));
    }

    private static Map<String, Object> entry(String physical, String flag, boolean ok, int reason) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("idTag", YkcCards.idTag(physical).orElse(physical));
        e.put(flag, ok);
        e.put("reason", reason);
        return e;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += OfflineCards.MAX_CARDS) {
            chunks.add(all.subList(i, Math.min(all.size(), i + OfflineCards.MAX_CARDS)));
        }
        return chunks;
    }
}
