package io.pylon.server.cluster;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * The shared connection registry in SQL: {@code cluster_node} (one row per live node, its lease renewed by
 * heartbeats) and {@code charger.node_id} (the node holding the charger's connection, written by the same
 * update that marks it online — see {@code JooqChargerRepository}).
 */
@Repository
public class ClusterNodes {

    static final Table<Record> NODE = table(name("cluster_node"));
    static final Table<Record> CHARGER = table(name("charger"));
    static final Field<String> NODE_ID = field(name("node_id"), SQLDataType.VARCHAR);
    static final Field<Instant> STARTED_AT = field(name("started_at"), SQLDataType.INSTANT);
    static final Field<Instant> HEARTBEAT_AT = field(name("heartbeat_at"), SQLDataType.INSTANT);
    static final Field<String> ID = field(name("id"), SQLDataType.VARCHAR);
    static final Field<Boolean> ONLINE = field(name("online"), SQLDataType.BOOLEAN);
    private static final Field<String> CHARGER_NODE = field(name("charger", "node_id"), SQLDataType.VARCHAR);
    private static final Field<String> NODE_NODE = field(name("cluster_node", "node_id"), SQLDataType.VARCHAR);
    private static final int CHUNK = 1000;

    private final DSLContext db;

    public ClusterNodes(DSLContext db) {
        this.db = db;
    }

    /** Enters the cluster (a leftover row of the same name, from a crashed process, is replaced). */
    public void join(String nodeId, Instant now) {
        db.deleteFrom(NODE).where(NODE_ID.eq(nodeId)).execute();
        db.insertInto(NODE).set(NODE_ID, nodeId).set(STARTED_AT, now).set(HEARTBEAT_AT, now).execute();
    }

    /** Renews the lease; false if the row is gone (another node took this one for dead). */
    public boolean beat(String nodeId, Instant now) {
        return db.update(NODE).set(HEARTBEAT_AT, now).where(NODE_ID.eq(nodeId)).execute() == 1;
    }

    /** Leaves the cluster: the row goes, and every charger still marked as held here is marked offline. */
    public void leave(String nodeId, Instant now) {
        db.deleteFrom(NODE).where(NODE_ID.eq(nodeId)).execute();
        release(NODE_ID.eq(nodeId));
    }

    /**
     * Removes nodes whose lease is older than {@code cutoff} and marks offline every charger held by a node
     * that is no longer in the cluster. Answers the dead nodes' names.
     */
    public List<String> reap(Instant cutoff) {
        List<String> dead = db.select(NODE_ID).from(NODE).where(HEARTBEAT_AT.lt(cutoff)).fetch(NODE_ID);
        if (!dead.isEmpty()) {
            db.deleteFrom(NODE).where(NODE_ID.in(dead)).and(HEARTBEAT_AT.lt(cutoff)).execute();
        }
        release(NODE_ID.isNotNull().and(NODE_ID.notIn(select(NODE_ID).from(NODE))));
        return dead;
    }

    private void release(org.jooq.Condition which) {
        db.update(CHARGER).set(ONLINE, false).set(NODE_ID, (String) null).where(which).execute();
    }

    /** Marks chargers connected here as online and held by this node (after this node was taken for dead). */
    public void reclaim(String nodeId, Collection<String> chargerIds) {
        List<String> ids = new ArrayList<>(chargerIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            db.update(CHARGER).set(ONLINE, true).set(NODE_ID, nodeId).where(ID.in(chunk)).execute();
        }
    }

    /** The live node (lease renewed at or after {@code aliveSince}) holding the charger's connection, if any. */
    public Optional<String> holder(String chargerId, Instant aliveSince) {
        return db.select(CHARGER_NODE).from(CHARGER).join(NODE).on(NODE_NODE.eq(CHARGER_NODE))
                .where(field(name("charger", "id"), SQLDataType.VARCHAR).eq(chargerId))
                .and(field(name("charger", "online"), SQLDataType.BOOLEAN).isTrue())
                .and(field(name("cluster_node", "heartbeat_at"), SQLDataType.INSTANT).ge(aliveSince))
                .fetchOptional(CHARGER_NODE);
    }

    /** Names of the nodes whose lease was renewed at or after {@code aliveSince}, sorted. */
    public List<String> live(Instant aliveSince) {
        return db.select(NODE_ID).from(NODE).where(HEARTBEAT_AT.ge(aliveSince)).orderBy(NODE_ID).fetch(NODE_ID);
    }
}
