-- An assertion a statement can make about its own effects (lib/db/assertion.ts): when `holds` is
-- false the statement fails, so whatever it and its transaction changed rolls back, and a COMMIT
-- already sent behind it on a pipelined connection turns into a rollback too.
CREATE FUNCTION notedesk_assert(holds boolean, refusal text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF holds IS NOT TRUE THEN
    RAISE EXCEPTION USING ERRCODE = 'ND001', MESSAGE = refusal;
  END IF;
  RETURN true;
END
$$;
