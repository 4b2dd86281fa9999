-- ix_session_state (state, started_at) let the planner answer "does this card have an active session?" by
-- walking every active session (seen in the meter-values benchmark: 15,000 such scans read 100 million index
-- entries, most of PostgreSQL's CPU). Active sessions are now indexed on their own (partial index, used by
-- listings that name the state as a literal); the card's question can only use ix_session_id_tag.
drop index ix_session_state;
create index ix_session_active on charging_session (started_at) where state = 'ACTIVE';
