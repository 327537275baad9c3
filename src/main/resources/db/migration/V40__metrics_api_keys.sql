-- A third kind of API key: a metrics scraper's, which may read /actuator/prometheus (and the health details) and
-- nothing else. Metrics cover every site, so such a key is never limited to sites.
ALTER TABLE api_key DROP CONSTRAINT api_key_kind_check;
ALTER TABLE api_key ADD CONSTRAINT api_key_kind_check CHECK (kind IN ('integrator', 'staff', 'metrics'));
ALTER TABLE api_key ADD CONSTRAINT api_key_metrics_every_site CHECK (kind <> 'metrics' OR sites = '{}');
