-- A driver's wallet balance changed: the piles where the driver's cards started transactions lately get the new
-- balance (YKC 0x42). Those transactions are found by id tag and time.
create index ix_ykc_transaction_id_tag on ykc_transaction (id_tag, created_at);
