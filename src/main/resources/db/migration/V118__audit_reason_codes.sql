-- A reason Steward words itself is kept as a message code and its arguments, so that the console shows it in the
-- staff member's language; the reason column keeps its English text for the API and for readers of the table.
-- Entries written before carry no code and show their text. Adding columns changes no row: the chain still verifies.
ALTER TABLE audit_event ADD COLUMN reason_code TEXT, ADD COLUMN reason_args TEXT[];
