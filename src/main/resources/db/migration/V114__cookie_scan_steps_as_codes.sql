-- A scan's step and failure were stored as English sentences; the console now says them in the staff member's
-- language, so the step is a code (with the page being visited beside it) and a failure has a code, its stored text
-- keeping only the technical detail (a path, a line of a file). Rows from before keep their sentences: a step or
-- failure without a code shows as stored.
ALTER TABLE cookie_scan ADD COLUMN step_page text;
ALTER TABLE cookie_scan ADD COLUMN failure_code text;

UPDATE cookie_scan SET step = CASE step
        WHEN 'Waiting to start' THEN 'waiting'
        WHEN 'Starting Chromium' THEN 'starting'
        WHEN 'Done' THEN 'done'
        WHEN 'First visit, rejecting everything: done' THEN 'rejecting-done'
        WHEN 'Second visit, accepting everything: done' THEN 'accepting-done'
        ELSE step END;
UPDATE cookie_scan SET step_page = substring(step FROM length('First visit, rejecting everything: ') + 1),
        step = 'rejecting'
    WHERE step LIKE 'First visit, rejecting everything: %';
UPDATE cookie_scan SET step_page = substring(step FROM length('Second visit, accepting everything: ') + 1),
        step = 'accepting'
    WHERE step LIKE 'Second visit, accepting everything: %';

UPDATE cookie_scan SET failure_code = 'interrupted', failure = NULL
    WHERE failure = 'The scan stopped without finishing: its server stopped.';
UPDATE cookie_scan SET failure_code = 'unexpected', failure = NULL
    WHERE failure = 'The scan stopped on an unexpected error; the server''s log has the details.';
