-- The first failure's headline (test, else file:line, and the message's first line), for the
-- dashboard's list of recent heals.
ALTER TABLE heal_attempt ADD COLUMN headline VARCHAR(1000);
