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
	UNIQUE (village_id, name),
	UNIQUE (id, village_id)
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
	-- (OR chains: an IN list in a CHECK costs an ephemeral table per row)
	monitor_type TEXT CHECK (monitor_type = 'unstable' OR
		monitor_type = 'marginal' OR monitor_type = 'sudden_hardship'),
	risk_status TEXT CHECK (risk_status = 'at_risk' OR
		risk_status = 'risk_eliminated'),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	source TEXT,		-- where it was first read: "file:line"
	-- a household's group belongs to its village
	FOREIGN KEY (group_id, village_id) REFERENCES village_group(id, village_id)
) STRICT;

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

-- version 2
-- the ledger: issues, their updates, meetings, village-rule votes

-- version 3
-- household visits and coverage milestones

-- version 4
-- surveys: phone-survey responses, neighbour evaluations, ballots
