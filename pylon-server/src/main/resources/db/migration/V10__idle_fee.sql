-- The idle (occupancy) fee is known only once the vehicle leaves the connector, usually after the session
-- stopped. An order whose tariff charges an idle fee waits in FINISHED with idle_from set (where idle time
-- started) until the connector reports Available; then the idle fee is added and the order is settled.
alter table charging_order add column idle_from timestamp with time zone;
alter table charging_order add column plugged_out_at timestamp with time zone;
alter table charging_order add column idle_total_minutes bigint;
create index ix_order_awaiting on charging_order (charger_id, connector_id, idle_from);
