-- Same version as db/vendor/postgresql/V14_2: H2 has no partial indexes, and its planner prefers the
-- (id_tag, state) index for a card's question anyway; the state index stays as it is.
select 1;
