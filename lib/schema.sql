-- schema.sql -- the renke store, one section per schema version
--
-- Each section starts with a line "-- version N" and brings a store from
-- version N-1 to N.  A store is migrated by running, in one transaction,
-- every section newer than its PRAGMA user_version.  Never edit a section
-- that has been released: add a new one at the end.

-- version 1
CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE village (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
) STRICT;

CREATE TABLE village_group (
	id INTEGER PRIMARY KEY,
	village_id INTEGER NOT NULL REFERENCES village(id),
	name TEXT NOT NULL CHECK (length(trim(name)) > 0),
	UNIQUE (village_id, name)
) STRICT;

-- categories: the codes of vocab.c's "category" domain, ';' separated
CREATE TABLE household (
	id INTEGER PRIMARY KEY,
	household_id TEXT NOT NULL UNIQUE CHECK (length(trim(household_id)) > 0),
	head_name TEXT,
	id_number TEXT UNIQUE CHECK (id_number IS NULL OR length(id_number) = 18),
	phone TEXT,
	village_id INTEGER NOT NULL REFERENCES village(id),
	group_id INTEGER REFERENCES village_group(id),
	categories TEXT NOT NULL DEFAULT '',
	members INTEGER CHECK (members IS NULL OR members BETWEEN 1 AND 99),
	monitor_type TEXT CHECK (monitor_type IN ('unstable', 'marginal', 'sudden_hardship')),
	risk_status TEXT CHECK (risk_status IN ('at_risk', 'risk_eliminated')),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX household_place ON household(village_id, group_id);

CREATE TRIGGER household_group_in_village_insert
BEFORE INSERT ON household
WHEN NEW.group_id IS NOT NULL AND
	(SELECT village_id FROM village_group WHERE id = NEW.group_id) IS NOT NEW.village_id
BEGIN
	SELECT RAISE(ABORT, 'the villager group belongs to another village');
END;
CREATE TRIGGER household_group_in_village_update
BEFORE UPDATE OF village_id, group_id ON household
WHEN NEW.group_id IS NOT NULL AND
	(SELECT village_id FROM village_group WHERE id = NEW.group_id) IS NOT NEW.village_id
BEGIN
	SELECT RAISE(ABORT, 'the villager group belongs to another village');
END;

-- the append-only audit log: who changed what, when, from what to what
CREATE TABLE audit (
	seq INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	who TEXT NOT NULL,
	command TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id TEXT,
	field TEXT,
	old TEXT,
	new TEXT
) STRICT;
CREATE INDEX audit_entity ON audit(entity, entity_id, seq);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
