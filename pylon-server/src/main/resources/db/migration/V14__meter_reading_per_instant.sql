-- Meter values: one row per sampled instant (an OCPP meterValue element: one timestamp with all its sampled
-- values), not one row per sampled value. A MeterValues message with six measurands becomes one row and one
-- entry in each index instead of six (see docs/adr/0002 and docs/benchmarks.md section 2).
--
-- samples: the sampled values as a JSON array in OCPP field names, values exactly as received.
-- digest:  the first 8 bytes of SHA-256 over samples; with charger, connector and time it identifies a reading,
--          so a retransmitted message is stored once, while a different reading at the same instant is kept.
create table meter_reading (
    charger_id   varchar(64) not null,
    connector_id integer     not null,
    sampled_at   timestamp with time zone not null,
    digest       bigint      not null,
    session_id   bigint,
    samples      varchar(1000000) not null,
    primary key (charger_id, connector_id, sampled_at, digest)
);
create index ix_meter_reading_session on meter_reading (session_id, sampled_at);
-- The rows of meter_value are moved over and the table dropped by the Java migration V14_1.
