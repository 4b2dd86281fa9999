-- Daily figures per station (station-local date of the session start), kept up to date as orders are
-- billed and refunded, so reports over a year of a large network read a few thousand rows, not millions.
create table report_daily (
    operator_id        bigint        not null,
    station_id         bigint        not null,
    report_day         date          not null,
    currency           varchar(3)    not null,
    sessions           bigint        not null,
    energy_wh          bigint        not null,
    sharp_wh           bigint        not null,
    peak_wh            bigint        not null,
    flat_wh            bigint        not null,
    valley_wh          bigint        not null,
    electricity_amount numeric(16, 2) not null,
    service_amount     numeric(16, 2) not null,
    idle_fee           numeric(16, 2) not null,
    session_fee        numeric(16, 2) not null,
    discount           numeric(16, 2) not null,
    refunded           numeric(16, 2) not null,
    charging_seconds   bigint        not null,
    primary key (operator_id, station_id, report_day)
);
