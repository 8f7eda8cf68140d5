-- Each service connects as its own role that owns, and can reach, only its own schema.
-- Passwords here are for the local compose stack only; production provisions its own.
DO $$
DECLARE
  svc text;
BEGIN
  FOREACH svc IN ARRAY ARRAY['gateway', 'scheduling', 'instrument_loan', 'performance_event', 'parent_engagement'] LOOP
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', 'tutti_' || svc, 'local-' || svc);
    EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %I', svc, 'tutti_' || svc);
    EXECUTE format('ALTER ROLE %I SET search_path = %I', 'tutti_' || svc, svc);
    EXECUTE format('GRANT CONNECT ON DATABASE tutti TO %I', 'tutti_' || svc);
  END LOOP;
  REVOKE ALL ON SCHEMA public FROM PUBLIC;
  REVOKE ALL ON DATABASE tutti FROM PUBLIC;
END $$;
