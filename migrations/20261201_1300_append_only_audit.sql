-- The change log and the access audit are append-only. The application's database role has only
-- SELECT and INSERT on them (src/db/privileges.ts); these triggers are the second line, and hold
-- for the owner role too: an UPDATE or a TRUNCATE is refused as DELETE already was.
CREATE FUNCTION pmis_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never changed or removed: the audit trail is append-only', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER no_update BEFORE UPDATE ON change_log FOR EACH ROW EXECUTE FUNCTION pmis_forbid_change();
CREATE TRIGGER no_update BEFORE UPDATE ON access_audit FOR EACH ROW EXECUTE FUNCTION pmis_forbid_change();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON change_log FOR EACH STATEMENT EXECUTE FUNCTION pmis_forbid_change();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON access_audit FOR EACH STATEMENT EXECUTE FUNCTION pmis_forbid_change();
