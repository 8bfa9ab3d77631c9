-- schema.sql -- the renke store, one section per schema version
--
-- Each section starts with a line "-- version" and a number N, and brings a store from
-- the previous number to N.  A store is migrated by running, in one transaction,
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
	-- (not blank: length(trim(...)) would copy the text on every insert)
	household_id TEXT NOT NULL UNIQUE CHECK (household_id GLOB '*[^ ]*'),
	head_name TEXT,
	-- one household a number, checked by the importer (lib/household.c):
	-- an index on id_number would cost an import more than the rest of it
	id_number TEXT CHECK (id_number IS NULL OR length(id_number) = 18),
	phone TEXT,
	village_id INTEGER NOT NULL REFERENCES village(id),
	group_id INTEGER,	-- a village_group(id): the key below says so
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
	-- a household's group belongs to its village (one key, checked once a row)
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
-- the ledger (台账): issues, their notes and revisits, meetings, votes

-- the lifecycle: the only status changes the store accepts
CREATE TABLE status_move (
	from_status TEXT NOT NULL,
	to_status TEXT NOT NULL,
	PRIMARY KEY (from_status, to_status)
) STRICT;	-- rowid: the order of the moves in messages
INSERT INTO status_move VALUES
	('open', 'in_progress'), ('open', 'resolved'), ('open', 'closed_unresolved'),
	('in_progress', 'resolved'), ('in_progress', 'closed_unresolved'),
	('resolved', 'feedback_given'), ('resolved', 'reopened'),
	('feedback_given', 'closed'), ('feedback_given', 'reopened'),
	('closed', 'reopened'),
	('reopened', 'in_progress'), ('reopened', 'resolved'),
	('reopened', 'closed_unresolved'),
	('closed_unresolved', 'resolved');

-- days to the deadline when an issue names none: by category and
-- urgency, category '*' for any
CREATE TABLE deadline_rule (
	category TEXT NOT NULL,
	urgency TEXT NOT NULL,
	days INTEGER NOT NULL CHECK (days BETWEEN 0 AND 3650),
	PRIMARY KEY (category, urgency)
) STRICT, WITHOUT ROWID;
INSERT INTO deadline_rule VALUES
	('*', 'urgent', 7), ('*', 'important', 15), ('*', 'normal', 30),
	('*', 'minor', 60);

CREATE TABLE meeting (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind = 'representatives' OR kind = 'courtyard' OR
		kind = 'briefing' OR kind = 'assembly'),
	village_id INTEGER NOT NULL REFERENCES village(id),
	group_id INTEGER REFERENCES village_group(id),
	held_on TEXT NOT NULL CHECK (held_on GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	host TEXT,
	attendees TEXT,
	minutes TEXT,
	created_at TEXT NOT NULL,
	CHECK (kind <> 'courtyard' OR group_id IS NOT NULL),
	FOREIGN KEY (group_id, village_id) REFERENCES village_group(id, village_id)
) STRICT;
CREATE UNIQUE INDEX meeting_natural ON meeting(kind, village_id,
	coalesce(group_id, 0), held_on);

-- a vote on the village rules (村规民约), taken at an assembly
CREATE TABLE vote (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL UNIQUE REFERENCES meeting(id),
	representatives INTEGER NOT NULL CHECK (representatives > 0),
	present INTEGER NOT NULL CHECK (present BETWEEN 0 AND representatives),
	yes INTEGER NOT NULL CHECK (yes >= 0),
	no INTEGER NOT NULL CHECK (no >= 0),
	abstain INTEGER NOT NULL CHECK (abstain >= 0),
	valid INTEGER NOT NULL CHECK (valid = (present * 3 >= representatives * 2)),
	adopted INTEGER NOT NULL CHECK (adopted = (valid AND yes * 2 > present)),
	filed_on TEXT,
	CHECK (yes + no + abstain <= present)
) STRICT;

CREATE TABLE issue (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind = 'problem' OR kind = 'dispute' OR
		kind = 'suggestion'),
	category TEXT NOT NULL CHECK (category = 'infrastructure' OR
		category = 'environment' OR category = 'jobs' OR
		category = 'housing' OR category = 'medical' OR category = 'water' OR
		category = 'schooling' OR category = 'disaster' OR
		category = 'conduct' OR category = 'other'),
	title TEXT NOT NULL CHECK (length(trim(title)) > 0),
	detail TEXT,
	urgency TEXT NOT NULL CHECK (urgency = 'urgent' OR urgency = 'important' OR
		urgency = 'normal' OR urgency = 'minor'),
	village_id INTEGER REFERENCES village(id),
	group_id INTEGER REFERENCES village_group(id),
	household_ref INTEGER REFERENCES household(id),
	reporter TEXT,
	source TEXT NOT NULL CHECK (source = 'visit' OR source = 'representatives' OR
		source = 'courtyard' OR source = 'briefing' OR source = 'survey' OR
		source = 'petition' OR source = 'other'),
	source_ref TEXT,
	meeting_id INTEGER REFERENCES meeting(id),
	owner TEXT NOT NULL CHECK (length(trim(owner)) > 0),
	owner_unit TEXT,
	opened_on TEXT NOT NULL,
	due_date TEXT NOT NULL CHECK (due_date GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	standard TEXT,
	measures TEXT,
	status TEXT NOT NULL CHECK (status = 'open' OR status = 'in_progress' OR
		status = 'resolved' OR status = 'feedback_given' OR
		status = 'closed' OR status = 'reopened' OR
		status = 'closed_unresolved'),
	resolution TEXT,
	resolved_on TEXT,
	feedback TEXT,
	feedback_on TEXT,
	closed_on TEXT,
	promised_date TEXT,
	extensions INTEGER NOT NULL DEFAULT 0,
	dispute_type TEXT CHECK (dispute_type = 'historical' OR
		dispute_type = 'economic' OR dispute_type = 'family' OR
		dispute_type = 'neighbour' OR dispute_type = 'other'),
	parties TEXT,
	mediator TEXT,
	mediation_outcome TEXT CHECK (mediation_outcome = 'success' OR
		mediation_outcome = 'failed' OR mediation_outcome = 'referred'),
	mediated_on TEXT,
	revisit_due TEXT,
	-- what makes two records the same issue, so that importing twice adds nothing
	natural_key TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	CHECK (status <> 'closed_unresolved' OR promised_date IS NOT NULL),
	CHECK (mediation_outcome IS NULL OR kind = 'dispute'),
	FOREIGN KEY (group_id, village_id) REFERENCES village_group(id, village_id)
) STRICT;
-- what deadline-check reads: open work by due date, owner, revisits
CREATE INDEX issue_open_due ON issue(due_date) WHERE status = 'open' OR
	status = 'in_progress' OR status = 'reopened';
CREATE INDEX issue_resolved ON issue(resolved_on) WHERE status = 'resolved';
CREATE INDEX issue_promise ON issue(promised_date)
	WHERE status = 'closed_unresolved';
CREATE INDEX issue_revisit ON issue(revisit_due) WHERE revisit_due IS NOT NULL;
CREATE INDEX issue_owner ON issue(owner, status);
CREATE INDEX issue_household ON issue(household_ref);

-- a new issue starts open, or resolved when it was solved on the spot
CREATE TRIGGER issue_new_status BEFORE INSERT ON issue
WHEN NEW.status <> 'open' AND NEW.status <> 'resolved'
BEGIN
	SELECT RAISE(ABORT, 'a new issue is open, or resolved on the spot');
END;
-- a status changes only along the lifecycle
CREATE TRIGGER issue_status_move BEFORE UPDATE OF status ON issue
WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (SELECT 1 FROM status_move
	WHERE from_status = OLD.status AND to_status = NEW.status)
BEGIN
	SELECT RAISE(ABORT, 'the lifecycle does not allow this status change');
END;

-- progress notes (工作进展) on an issue
CREATE TABLE issue_note (
	id INTEGER PRIMARY KEY,
	issue_id INTEGER NOT NULL REFERENCES issue(id),
	noted_on TEXT NOT NULL,
	who TEXT NOT NULL,
	note TEXT NOT NULL
) STRICT;
CREATE INDEX issue_note_issue ON issue_note(issue_id);

-- revisits (回访) after a successful mediation
CREATE TABLE revisit (
	id INTEGER PRIMARY KEY,
	issue_id INTEGER NOT NULL REFERENCES issue(id),
	visited_on TEXT NOT NULL,
	visitor TEXT NOT NULL,
	finding TEXT NOT NULL CHECK (finding = 'stable' OR finding = 'relapsed'),
	notes TEXT
) STRICT;
CREATE INDEX revisit_issue ON revisit(issue_id);

-- version 3
-- household visits and coverage milestones

-- where visits were read: one row per input file of an import that added
-- visits, so that each visit carries only this number and its line
CREATE TABLE visit_source (
	id INTEGER PRIMARY KEY,
	file TEXT NOT NULL,		-- as given, "stdin", or "command line"
	at TEXT NOT NULL,
	who TEXT NOT NULL,
	command TEXT NOT NULL
) STRICT;

-- a household visit (大走访); the same household, date and visitor is the
-- same visit.  The checks (两不愁三保障, drinking water, income, industry
-- linkage) are 'yes', 'no' or 'na' (not applicable); NULL: not recorded.
-- household_id is the household's own number, as in the sheets.
CREATE TABLE visit (
	id INTEGER PRIMARY KEY,
	household_id TEXT NOT NULL REFERENCES household(household_id),
	-- (cheaper than a GLOB, on a table of millions of rows)
	visit_date TEXT NOT NULL CHECK (length(visit_date) = 10 AND
		visit_date BETWEEN '1900-01-01' AND '2999-12-31'),
	visitor TEXT NOT NULL CHECK (visitor <> ''),
	round TEXT NOT NULL CHECK (round <> ''),
	-- (the most frequent value first: the chain stops at the first match)
	visitor_role TEXT CHECK (visitor_role = 'assistance_cadre' OR
		visitor_role = 'village_cadre' OR visitor_role = 'village_secretary' OR
		visitor_role = 'first_secretary' OR visitor_role = 'work_team' OR
		visitor_role = 'town_secretary' OR visitor_role = 'county_leader'),
	food_clothing TEXT CHECK (food_clothing = 'yes' OR food_clothing = 'no' OR
		food_clothing = 'na'),
	education TEXT CHECK (education = 'yes' OR education = 'no' OR
		education = 'na'),
	medical TEXT CHECK (medical = 'yes' OR medical = 'no' OR medical = 'na'),
	housing TEXT CHECK (housing = 'yes' OR housing = 'no' OR housing = 'na'),
	drinking_water TEXT CHECK (drinking_water = 'yes' OR
		drinking_water = 'no' OR drinking_water = 'na'),
	income_stable TEXT CHECK (income_stable = 'yes' OR income_stable = 'no' OR
		income_stable = 'na'),
	industry_link TEXT CHECK (industry_link = 'yes' OR industry_link = 'no' OR
		industry_link = 'na'),
	risk_level TEXT CHECK (risk_level = 'none' OR risk_level = 'low' OR
		risk_level = 'medium' OR risk_level = 'high'),
	monitor_suggested INTEGER CHECK (monitor_suggested = 0 OR
		monitor_suggested = 1),
	notes TEXT,
	source_id INTEGER NOT NULL,	-- visit_source.id (no declared key: a lookup a visit)
	line INTEGER NOT NULL,		-- in the source file; 0 for the command line
	UNIQUE (household_id, visit_date, visitor)
) STRICT;

-- a coverage milestone (时间节点): by due_date every household due (of
-- one of the categories; '' for all) has a visit of the round (kind
-- visit_coverage), or every village or group has held a meeting of
-- meeting_kind (kind meeting_coverage, scope 'village' or 'group')
CREATE TABLE milestone (
	id INTEGER PRIMARY KEY,
	milestone_id TEXT NOT NULL UNIQUE CHECK (length(trim(milestone_id)) > 0),
	title TEXT NOT NULL CHECK (length(trim(title)) > 0),
	kind TEXT NOT NULL CHECK (kind = 'visit_coverage' OR
		kind = 'meeting_coverage'),
	categories TEXT NOT NULL DEFAULT '',	-- ';'-joined category codes
	round TEXT,
	due_date TEXT NOT NULL CHECK (due_date GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	meeting_kind TEXT,
	scope TEXT CHECK (scope = 'village' OR scope = 'group'),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	source TEXT,			-- where it was first read: "file:line"
	CHECK (kind <> 'visit_coverage' OR (round IS NOT NULL AND
		meeting_kind IS NULL AND scope IS NULL))
) STRICT;

-- version 4
-- surveys: phone-survey responses, neighbour evaluations, ballots

-- a survey round (轮次): the responses of one phone survey as
-- survey-tally --save keeps them, to tally again or compare with later
CREATE TABLE survey_round (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
	saved_on TEXT NOT NULL,		-- the day it was first saved (--today)
	created_at TEXT NOT NULL,
	created_by TEXT NOT NULL
) STRICT;

-- one respondent's response; source, where it was read ("file:line"),
-- is its natural key within the round
CREATE TABLE survey_response (
	id INTEGER PRIMARY KEY,
	round_id INTEGER NOT NULL REFERENCES survey_round(id),
	source TEXT NOT NULL,
	respondent TEXT,
	village TEXT,
	village_group TEXT,
	household_id TEXT,
	survey_date TEXT CHECK (survey_date IS NULL OR
		survey_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	UNIQUE (round_id, source)
) STRICT;

-- its answers in column order, blank ones too (answer NULL): question is
-- the vocab.c "survey_question" code or the column's own name; text is
-- the answer as written (不认可, 否, ...)
CREATE TABLE survey_answer (
	response_id INTEGER NOT NULL REFERENCES survey_response(id),
	position INTEGER NOT NULL,
	question TEXT NOT NULL CHECK (length(question) > 0),
	answer TEXT CHECK (answer = 'satisfied' OR
		answer = 'basically_satisfied' OR answer = 'dissatisfied' OR
		answer = 'dont_know'),
	text TEXT,
	PRIMARY KEY (response_id, position)
) STRICT, WITHOUT ROWID;

-- version 5
-- households keep where they were read as visits do: a household_source
-- row a file, and the line; a household's time is its source's, and
-- updated_at is set by its first change.  Their checks call no
-- function and their keys are checked at COMMIT: a statement that may
-- stop halfway (a function in a CHECK, an immediate foreign key, a
-- constraint that aborts) costs an import's many-row INSERTs a
-- statement journal.  The importer checks all of it first.

-- who, command: NULL for households registered before version 5
CREATE TABLE household_source (
	id INTEGER PRIMARY KEY,
	file TEXT NOT NULL,		-- as given, "stdin", or "command line"
	at TEXT NOT NULL,
	who TEXT,
	command TEXT
) STRICT;

CREATE TABLE household_new (
	id INTEGER PRIMARY KEY,
	household_id TEXT NOT NULL UNIQUE CHECK (household_id <> ''),
	head_name TEXT,
	id_number TEXT,		-- 18 characters, its check digit right: lib/household.c
	phone TEXT,
	village_id INTEGER NOT NULL REFERENCES village(id)
		DEFERRABLE INITIALLY DEFERRED,
	group_id INTEGER,	-- a village_group(id): the key below says so
	categories TEXT NOT NULL DEFAULT '',
	members INTEGER CHECK (members BETWEEN 1 AND 99),
	monitor_type TEXT CHECK (monitor_type = 'unstable' OR
		monitor_type = 'marginal' OR monitor_type = 'sudden_hardship'),
	risk_status TEXT CHECK (risk_status = 'at_risk' OR
		risk_status = 'risk_eliminated'),
	source_id INTEGER NOT NULL,	-- household_source.id (no declared key)
	line INTEGER NOT NULL,		-- in the source file; 0 for the command line
	updated_at TEXT,		-- NULL until it changes
	FOREIGN KEY (group_id, village_id) REFERENCES village_group(id, village_id)
		DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- "file:line" split at its last colon; a source row for each file and
-- time households were read from
CREATE TEMP TABLE household_origin (
	id INTEGER PRIMARY KEY,
	file TEXT NOT NULL,
	line INTEGER NOT NULL,
	at TEXT NOT NULL
);
INSERT INTO household_origin (id, file, line, at)
SELECT id,
	CASE WHEN p GLOB '*:' AND length(p) < length(s)
		THEN substr(p, 1, length(p) - 1) ELSE s END,
	CASE WHEN p GLOB '*:' AND length(p) < length(s)
		THEN CAST(substr(s, length(p) + 1) AS INTEGER) ELSE 0 END,
	created_at
FROM (SELECT id, created_at, coalesce(source, '') AS s,
	rtrim(coalesce(source, ''), '0123456789') AS p FROM household);
INSERT INTO household_source (file, at)
	SELECT file, at FROM household_origin GROUP BY file, at ORDER BY min(id);
CREATE INDEX household_source_origin ON household_source (file, at);
INSERT INTO household_new (id, household_id, head_name, id_number, phone,
	village_id, group_id, categories, members, monitor_type, risk_status,
	source_id, line, updated_at)
SELECT h.id, h.household_id, h.head_name, h.id_number, h.phone, h.village_id,
	h.group_id, h.categories, h.members, h.monitor_type, h.risk_status,
	(SELECT s.id FROM household_source s WHERE s.file = o.file AND s.at = o.at),
	o.line, nullif(h.updated_at, h.created_at)
FROM household h JOIN household_origin o ON o.id = h.id
ORDER BY h.id;
DROP INDEX household_source_origin;
DROP TABLE household_origin;
DROP TABLE household;
ALTER TABLE household_new RENAME TO household;

-- visits: their household is checked by the importer, as their source
-- is (a declared key would cost every visit a lookup, and households are
-- neither deleted nor renumbered), and their checks call no function
CREATE TABLE visit_new (
	id INTEGER PRIMARY KEY,
	household_id TEXT NOT NULL,	-- a household(household_id)
	visit_date TEXT NOT NULL CHECK (visit_date BETWEEN '1900-01-01' AND
		'2999-12-31'),
	visitor TEXT NOT NULL CHECK (visitor <> ''),
	round TEXT NOT NULL CHECK (round <> ''),
	-- (the most frequent value first: the chain stops at the first match)
	visitor_role TEXT CHECK (visitor_role = 'assistance_cadre' OR
		visitor_role = 'village_cadre' OR visitor_role = 'village_secretary' OR
		visitor_role = 'first_secretary' OR visitor_role = 'work_team' OR
		visitor_role = 'town_secretary' OR visitor_role = 'county_leader'),
	food_clothing TEXT CHECK (food_clothing = 'yes' OR food_clothing = 'no' OR
		food_clothing = 'na'),
	education TEXT CHECK (education = 'yes' OR education = 'no' OR
		education = 'na'),
	medical TEXT CHECK (medical = 'yes' OR medical = 'no' OR medical = 'na'),
	housing TEXT CHECK (housing = 'yes' OR housing = 'no' OR housing = 'na'),
	drinking_water TEXT CHECK (drinking_water = 'yes' OR
		drinking_water = 'no' OR drinking_water = 'na'),
	income_stable TEXT CHECK (income_stable = 'yes' OR income_stable = 'no' OR
		income_stable = 'na'),
	industry_link TEXT CHECK (industry_link = 'yes' OR industry_link = 'no' OR
		industry_link = 'na'),
	risk_level TEXT CHECK (risk_level = 'none' OR risk_level = 'low' OR
		risk_level = 'medium' OR risk_level = 'high'),
	monitor_suggested INTEGER CHECK (monitor_suggested = 0 OR
		monitor_suggested = 1),
	notes TEXT,
	source_id INTEGER NOT NULL,	-- visit_source.id
	line INTEGER NOT NULL,		-- in the source file; 0 for the command line
	UNIQUE (household_id, visit_date, visitor)
) STRICT;
INSERT INTO visit_new SELECT * FROM visit ORDER BY id;
DROP TABLE visit;
ALTER TABLE visit_new RENAME TO visit;

-- version 6
-- for the analyst: every vocabulary with its labels, and views that join
-- names and Chinese labels to the codes and numbers of the tables.  In
-- every view a household is its household_id (the number of the sheets),
-- a village its village_id with its name in village, a villager group its
-- group_id with its name in village_group, and an issue, a meeting or a
-- visit its issue_id, meeting_id or visit_id.  A column holding a code
-- has its Chinese label in the column of the same name ending "_zh".
-- Man page: renke-store(5).

-- the vocabularies of vocab.c, one row a code; the store fills it from
-- the table built into the commands whenever that differs (a fingerprint
-- of it is kept in meta), so the two never disagree
CREATE TABLE vocab (
	domain TEXT NOT NULL,		-- "category", "status", ...
	code TEXT NOT NULL,		-- as kept in the tables
	label_en TEXT NOT NULL,
	label_zh TEXT NOT NULL,
	position INTEGER NOT NULL,	-- the order of vocab.c, the order of a list
	PRIMARY KEY (domain, code)
) STRICT, WITHOUT ROWID;

-- households: place, categories and visits
CREATE VIEW household_view AS
SELECT h.household_id, h.head_name, h.village_id, v.name AS village,
	h.group_id, g.name AS village_group,
	h.categories,
	(SELECT group_concat(label_zh, '、') FROM (SELECT b.label_zh
		FROM json_each('["' || replace(h.categories, ';', '","') || '"]') j
		JOIN vocab b ON b.domain = 'category' AND b.code = j.value
		ORDER BY j.key)) AS categories_zh,
	h.members,
	h.monitor_type, (SELECT label_zh FROM vocab WHERE domain = 'monitor_type'
		AND code = h.monitor_type) AS monitor_type_zh,
	h.risk_status, (SELECT label_zh FROM vocab WHERE domain = 'risk_status'
		AND code = h.risk_status) AS risk_status_zh,
	(SELECT count(*) FROM visit WHERE household_id = h.household_id) AS visits,
	(SELECT max(visit_date) FROM visit WHERE household_id = h.household_id)
		AS last_visit_date,
	s.file AS source_file, h.line AS source_line, s.at AS registered_at,
	h.updated_at
FROM household h
JOIN village v ON v.id = h.village_id
LEFT JOIN village_group g ON g.id = h.group_id
LEFT JOIN household_source s ON s.id = h.source_id;

-- one row per household and category: for counting by category
CREATE VIEW household_category_view AS
SELECT h.household_id, h.head_name, h.village_id, v.name AS village,
	h.group_id, g.name AS village_group,
	j.value AS category, b.label_zh AS category_zh
FROM household h
JOIN village v ON v.id = h.village_id
LEFT JOIN village_group g ON g.id = h.group_id
JOIN json_each('["' || replace(h.categories, ';', '","') || '"]') j
JOIN vocab b ON b.domain = 'category' AND b.code = j.value;

-- the ledger (台账): each issue with its place, household and labels
CREATE VIEW issue_view AS
SELECT i.id AS issue_id,
	i.kind, (SELECT label_zh FROM vocab WHERE domain = 'issue_kind'
		AND code = i.kind) AS kind_zh,
	i.category, (SELECT label_zh FROM vocab WHERE domain = 'issue_category'
		AND code = i.category) AS category_zh,
	i.title, i.detail,
	i.urgency, (SELECT label_zh FROM vocab WHERE domain = 'urgency'
		AND code = i.urgency) AS urgency_zh,
	i.status, (SELECT label_zh FROM vocab WHERE domain = 'status'
		AND code = i.status) AS status_zh,
	i.village_id, v.name AS village, i.group_id, g.name AS village_group,
	h.household_id, h.head_name,
	i.reporter,
	i.source, (SELECT label_zh FROM vocab WHERE domain = 'issue_source'
		AND code = i.source) AS source_zh,
	i.source_ref, i.meeting_id,
	i.owner, i.owner_unit,
	i.opened_on, i.due_date, i.extensions, i.standard, i.measures,
	i.resolved_on, i.resolution, i.feedback_on, i.feedback, i.closed_on,
	i.promised_date,
	i.dispute_type, (SELECT label_zh FROM vocab WHERE domain = 'dispute_type'
		AND code = i.dispute_type) AS dispute_type_zh,
	i.parties, i.mediator,
	i.mediation_outcome, (SELECT label_zh FROM vocab
		WHERE domain = 'mediation_outcome' AND code = i.mediation_outcome)
		AS mediation_outcome_zh,
	i.mediated_on, i.revisit_due
FROM issue i
LEFT JOIN village v ON v.id = i.village_id
LEFT JOIN village_group g ON g.id = i.group_id
LEFT JOIN household h ON h.id = i.household_ref;

-- household visits (大走访), with the household's place
CREATE VIEW visit_view AS
SELECT t.id AS visit_id, t.household_id, h.head_name,
	h.village_id, v.name AS village, h.group_id, g.name AS village_group,
	t.visit_date, t.visitor,
	t.visitor_role, (SELECT label_zh FROM vocab WHERE domain = 'visitor_role'
		AND code = t.visitor_role) AS visitor_role_zh,
	t.round,
	t.food_clothing, t.education, t.medical, t.housing, t.drinking_water,
	t.income_stable, t.industry_link,
	t.risk_level, (SELECT label_zh FROM vocab WHERE domain = 'risk_level'
		AND code = t.risk_level) AS risk_level_zh,
	t.monitor_suggested, t.notes,
	s.file AS source_file, t.line AS source_line
FROM visit t
JOIN household h ON h.household_id = t.household_id
JOIN village v ON v.id = h.village_id
LEFT JOIN village_group g ON g.id = h.group_id
LEFT JOIN visit_source s ON s.id = t.source_id;

-- meetings, how many suggestions each raised, and the vote taken at one
CREATE VIEW meeting_view AS
SELECT m.id AS meeting_id,
	m.kind, (SELECT label_zh FROM vocab WHERE domain = 'meeting_kind'
		AND code = m.kind) AS kind_zh,
	m.village_id, v.name AS village, m.group_id, g.name AS village_group,
	m.held_on, m.host, m.attendees, m.minutes,
	(SELECT count(*) FROM issue WHERE meeting_id = m.id) AS suggestions,
	t.representatives, t.present, t.yes, t.no, t.abstain, t.valid,
	t.adopted, t.filed_on
FROM meeting m
JOIN village v ON v.id = m.village_id
LEFT JOIN village_group g ON g.id = m.group_id
LEFT JOIN vote t ON t.meeting_id = m.id;

-- what was raised at a meeting, and where it stands
CREATE VIEW suggestion_view AS
SELECT i.issue_id, i.meeting_id,
	m.kind AS meeting_kind, (SELECT label_zh FROM vocab
		WHERE domain = 'meeting_kind' AND code = m.kind) AS meeting_kind_zh,
	m.held_on,
	i.village_id, i.village, i.group_id, i.village_group,
	i.household_id, i.reporter, i.title, i.kind, i.kind_zh,
	i.category, i.category_zh, i.status, i.status_zh,
	i.owner, i.due_date, i.resolved_on, i.resolution, i.feedback_on,
	i.feedback, i.closed_on
FROM issue_view i
JOIN meeting m ON m.id = i.meeting_id;

-- the saved phone surveys, one row an answer; village_id and group_id
-- are those of the village and group of the store named as the response
-- names them, if any
CREATE VIEW survey_answer_view AS
SELECT r.name AS survey_round, a.response_id, p.respondent,
	(SELECT id FROM village WHERE name = p.village) AS village_id,
	p.village,
	(SELECT g.id FROM village_group g JOIN village v ON v.id = g.village_id
		WHERE v.name = p.village AND g.name = p.village_group) AS group_id,
	p.village_group, p.household_id, p.survey_date,
	a.position, a.question, (SELECT label_zh FROM vocab
		WHERE domain = 'survey_question' AND code = a.question) AS question_zh,
	a.answer, (SELECT label_zh FROM vocab WHERE domain = 'answer'
		AND code = a.answer) AS answer_zh,
	a.text
FROM survey_answer a
JOIN survey_response p ON p.id = a.response_id
JOIN survey_round r ON r.id = p.round_id;

-- version 7
-- the ledger: a grievance raised again after its issue was closed (重复反映)
-- is a new issue that points to the one it repeats; its natural key is the
-- earlier one's, a record separator (char 30) and the date it was reported
ALTER TABLE issue ADD COLUMN repeat_of INTEGER REFERENCES issue(id);
CREATE INDEX issue_repeat ON issue(repeat_of) WHERE repeat_of IS NOT NULL;

-- an issue raised at a meeting, on a visit or in a survey (a source_ref)
-- is known by who raised it and what they said, as issue-add keys it
-- (lib/issue_add.c, natural_key()): the keys of the issues read before
-- are brought to that form, unless an issue holds the new key already
UPDATE issue SET natural_key = natural_key || char(31) ||
	coalesce(reporter, '') || char(31) || coalesce(detail, '')
WHERE source_ref IS NOT NULL AND (reporter IS NOT NULL OR detail IS NOT NULL)
	AND natural_key = 'ref' || char(31) || source || char(31) || source_ref ||
		char(31) || title
	AND NOT EXISTS (SELECT 1 FROM issue j WHERE j.natural_key =
		issue.natural_key || char(31) || coalesce(issue.reporter, '') ||
		char(31) || coalesce(issue.detail, ''));

-- version 8
-- people: the members of households (member-add).  A person is known by
-- their ID number and belongs to one household at a time; sex and birth
-- date come from the number.  As for visits, the household and the
-- source are checked by the importer and the checks call no function.

CREATE TABLE member_source (
	id INTEGER PRIMARY KEY,
	file TEXT NOT NULL,		-- as given, "stdin", or "command line"
	at TEXT NOT NULL,
	who TEXT,
	command TEXT
) STRICT;

CREATE TABLE member (
	id INTEGER PRIMARY KEY,
	id_number TEXT NOT NULL UNIQUE,	-- 18 characters, its check digit right
	household_id TEXT NOT NULL,	-- a household(household_id)
	name TEXT NOT NULL CHECK (name <> ''),
	sex TEXT NOT NULL CHECK (sex = 'male' OR sex = 'female'),
	birth_date TEXT NOT NULL,	-- ISO, from the ID number
	relation TEXT CHECK (relation = 'head' OR relation = 'spouse' OR
		relation = 'child' OR relation = 'child_in_law' OR
		relation = 'grandchild' OR relation = 'parent' OR
		relation = 'grandparent' OR relation = 'sibling' OR
		relation = 'other'),
	labour TEXT CHECK (labour = 'ordinary' OR labour = 'weak' OR
		labour = 'half' OR labour = 'lost' OR labour = 'none'),
	schooling TEXT CHECK (schooling = 'not_in_school' OR
		schooling = 'preschool' OR schooling = 'primary' OR
		schooling = 'junior' OR schooling = 'senior' OR
		schooling = 'vocational' OR schooling = 'college'),
	health TEXT CHECK (health = 'healthy' OR health = 'chronic' OR
		health = 'serious_illness' OR health = 'disabled'),
	away_place TEXT,		-- working away (外出务工): where
	away_since TEXT,		-- and since when, ISO
	tags TEXT NOT NULL DEFAULT '',	-- ';'-joined member_tag codes
	phone TEXT,
	cadre_relative INTEGER CHECK (cadre_relative = 0 OR cadre_relative = 1),
	source_id INTEGER NOT NULL,	-- member_source.id
	line INTEGER NOT NULL,		-- in the source file; 0 for the command line
	updated_at TEXT			-- NULL until it changes
) STRICT;
CREATE INDEX member_household ON member(household_id);

-- version 9
-- the cadres assigned to households and villages (包片+包村+包户): a
-- household's assignment names it (包户), a village's does not (包村, and
-- 包片 as one row a village); role is a visitor_role code, so that a
-- visit's role can be told from whoever visited.  Known by cadre, role,
-- village and household; the dates and the phone may change.
CREATE TABLE assignment (
	id INTEGER PRIMARY KEY,
	cadre TEXT NOT NULL CHECK (cadre <> ''),
	role TEXT NOT NULL CHECK (role = 'assistance_cadre' OR
		role = 'village_cadre' OR role = 'village_secretary' OR
		role = 'first_secretary' OR role = 'work_team' OR
		role = 'town_secretary' OR role = 'county_leader'),
	village_id INTEGER NOT NULL REFERENCES village(id),
	household_id TEXT,		-- a household(household_id); NULL: the village
	start_date TEXT,
	end_date TEXT,
	phone TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	source TEXT,			-- where it was first read: "file:line"
	CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE UNIQUE INDEX assignment_natural ON assignment(cadre, role, village_id,
	coalesce(household_id, ''));
CREATE INDEX assignment_household ON assignment(household_id)
	WHERE household_id IS NOT NULL;

-- version 10
-- the ledger: an issue entered by mistake is withdrawn (已撤销), from any
-- status and for good, its reason in the audit log; it is counted nowhere
-- (issue.h, ISSUE_COUNTED_SQL).  The status CHECK that version 2 wrote
-- gains the status in place, as SQLite's ALTER TABLE page allows for a
-- constraint loosened, which no stored row can break: no rebuild, so the
-- views over issue and the columns later sections add stay as they are
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'status = ''closed_unresolved''),',
	'status = ''closed_unresolved'' OR' || char(10) || char(9) || char(9) ||
	'status = ''withdrawn''),')
WHERE type = 'table' AND name = 'issue';
PRAGMA writable_schema = RESET;
-- the CHECK was found as version 2 wrote it, or the migration stops here
CREATE TEMP TABLE issue_status_loosened (found INTEGER CHECK (found));
INSERT INTO issue_status_loosened SELECT instr(sql, '''withdrawn''') > 0
	FROM sqlite_schema WHERE type = 'table' AND name = 'issue';
DROP TABLE issue_status_loosened;
INSERT INTO status_move VALUES
	('open', 'withdrawn'), ('in_progress', 'withdrawn'),
	('resolved', 'withdrawn'), ('feedback_given', 'withdrawn'),
	('closed', 'withdrawn'), ('reopened', 'withdrawn'),
	('closed_unresolved', 'withdrawn');

-- version 11
-- monitoring cases (防返贫监测): a clue opens a case that brings a
-- household under monitoring (inclusion) or ends its risk
-- (elimination); the steps of the county's procedure follow in one
-- order, each dated and signed, until the county decides or a step
-- finds the household not eligible.  lib/monitor_case.c checks every
-- rule before it writes; the keys below only keep the store whole.

-- the county's limits: days from clue to decision, the shortest
-- posting, days a suggestion may wait for its case, months between the
-- two stable visits an elimination needs
CREATE TABLE monitor_limit (
	name TEXT PRIMARY KEY,
	value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 3650)
) STRICT, WITHOUT ROWID;
INSERT INTO monitor_limit VALUES ('decision_days', 15), ('posting_days', 5),
	('unfollowed_days', 3), ('stable_months', 6);

-- a case; household_id is the household's own number.  step is the last
-- step done ('clue' when none), step_on its date; state open until the
-- decision (approved, rejected) or a finding of not eligible
CREATE TABLE monitor_case (
	id INTEGER PRIMARY KEY,
	household_id TEXT NOT NULL,	-- a household(household_id), checked
	case_type TEXT NOT NULL CHECK (case_type = 'inclusion' OR
		case_type = 'elimination'),
	clue TEXT NOT NULL CHECK (clue = 'visit' OR clue = 'application' OR
		clue = 'cadre' OR clue = 'department'),
	clue_on TEXT NOT NULL CHECK (clue_on GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	detail TEXT,
	monitor_type TEXT CHECK (monitor_type = 'unstable' OR
		monitor_type = 'marginal' OR monitor_type = 'sudden_hardship'),
	risks TEXT NOT NULL DEFAULT '',		-- monitor_risk codes, ';' joined
	recorder TEXT NOT NULL CHECK (recorder <> ''),
	step TEXT NOT NULL DEFAULT 'clue' CHECK (step = 'clue' OR
		step = 'home_check' OR step = 'data_check' OR
		step = 'village_review' OR step = 'posting' OR
		step = 'township_review' OR step = 'decision'),
	step_on TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'open' CHECK (state = 'open' OR
		state = 'approved' OR state = 'rejected' OR state = 'not_eligible'),
	posting_until TEXT,		-- the last day of the posting
	decided_on TEXT,		-- the decision's date, or the finding's
	reason TEXT,			-- why rejected or not eligible
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (household_id, case_type, clue_on)
) STRICT;
-- a household has one open case at a time
CREATE UNIQUE INDEX monitor_case_open ON monitor_case(household_id)
	WHERE state = 'open';

-- the steps done ('clue' is never one: case-open records it); the
-- findings of the home check (三看两问一判断) and the consent, the
-- departments' answers, the posting and its objections
CREATE TABLE monitor_case_step (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES monitor_case(id),
	step TEXT NOT NULL CHECK (step = 'clue' OR step = 'home_check' OR
		step = 'data_check' OR
		step = 'village_review' OR step = 'posting' OR
		step = 'township_review' OR step = 'decision'),
	done_on TEXT NOT NULL,
	who TEXT NOT NULL CHECK (who <> ''),
	result TEXT NOT NULL CHECK (result = 'passed' OR
		result = 'not_eligible' OR result = 'approved' OR
		result = 'rejected'),
	reason TEXT,
	housing TEXT, food TEXT, labour TEXT, income TEXT, expenses TEXT,
	judgement TEXT,
	consent INTEGER CHECK (consent = 0 OR consent = 1),
	answers TEXT,
	posting_days INTEGER,
	objections TEXT,
	notes TEXT,
	UNIQUE (case_id, step)
) STRICT;

-- version 12
-- a visit-coverage milestone may count only the visits of some roles,
-- each role separately (五级书记遍访: every 脱贫户 and 监测户 visited by
-- the village party secretary, and by the first secretary): ';'-joined
-- visitor_role codes, '' for any visitor
ALTER TABLE milestone ADD COLUMN roles TEXT NOT NULL DEFAULT '';

-- version 13
-- issue_view shows what an issue repeats (repeat_of, an issue_id)
DROP VIEW issue_view;
CREATE VIEW issue_view AS
SELECT i.id AS issue_id,
	i.kind, (SELECT label_zh FROM vocab WHERE domain = 'issue_kind'
		AND code = i.kind) AS kind_zh,
	i.category, (SELECT label_zh FROM vocab WHERE domain = 'issue_category'
		AND code = i.category) AS category_zh,
	i.title, i.detail,
	i.urgency, (SELECT label_zh FROM vocab WHERE domain = 'urgency'
		AND code = i.urgency) AS urgency_zh,
	i.status, (SELECT label_zh FROM vocab WHERE domain = 'status'
		AND code = i.status) AS status_zh,
	i.village_id, v.name AS village, i.group_id, g.name AS village_group,
	h.household_id, h.head_name,
	i.reporter,
	i.source, (SELECT label_zh FROM vocab WHERE domain = 'issue_source'
		AND code = i.source) AS source_zh,
	i.source_ref, i.meeting_id,
	i.owner, i.owner_unit,
	i.opened_on, i.due_date, i.extensions, i.standard, i.measures,
	i.resolved_on, i.resolution, i.feedback_on, i.feedback, i.closed_on,
	i.promised_date,
	i.dispute_type, (SELECT label_zh FROM vocab WHERE domain = 'dispute_type'
		AND code = i.dispute_type) AS dispute_type_zh,
	i.parties, i.mediator,
	i.mediation_outcome, (SELECT label_zh FROM vocab
		WHERE domain = 'mediation_outcome' AND code = i.mediation_outcome)
		AS mediation_outcome_zh,
	i.mediated_on, i.revisit_due, i.repeat_of
FROM issue i
LEFT JOIN village v ON v.id = i.village_id
LEFT JOIN village_group g ON g.id = i.group_id
LEFT JOIN household h ON h.id = i.household_ref;

-- the people of households (member-add), with their household's place; ID
-- and phone numbers are left out, as in household_view
CREATE VIEW member_view AS
SELECT m.id AS member_id, m.household_id, h.head_name,
	h.village_id, v.name AS village, h.group_id, g.name AS village_group,
	m.name AS member_name, m.sex, m.birth_date,
	m.relation, (SELECT label_zh FROM vocab WHERE domain = 'relation'
		AND code = m.relation) AS relation_zh,
	m.labour, (SELECT label_zh FROM vocab WHERE domain = 'labour'
		AND code = m.labour) AS labour_zh,
	m.schooling, (SELECT label_zh FROM vocab WHERE domain = 'schooling'
		AND code = m.schooling) AS schooling_zh,
	m.health, (SELECT label_zh FROM vocab WHERE domain = 'health'
		AND code = m.health) AS health_zh,
	m.away_place, m.away_since,
	m.tags,
	(SELECT group_concat(label_zh, '、') FROM (SELECT b.label_zh
		FROM json_each('["' || replace(m.tags, ';', '","') || '"]') j
		JOIN vocab b ON b.domain = 'member_tag' AND b.code = j.value
		ORDER BY j.key)) AS tags_zh,
	m.cadre_relative, m.updated_at
FROM member m
JOIN household h ON h.household_id = m.household_id
JOIN village v ON v.id = h.village_id
LEFT JOIN village_group g ON g.id = h.group_id;

-- the cadres assigned to households and villages (assign), with their
-- village and household by the keys of the other views; phones left out
CREATE VIEW assignment_view AS
SELECT a.id AS assignment_id, a.cadre,
	a.role, (SELECT label_zh FROM vocab WHERE domain = 'visitor_role'
		AND code = a.role) AS role_zh,
	a.village_id, v.name AS village,
	h.group_id, g.name AS village_group,
	a.household_id, h.head_name,
	a.start_date, a.end_date
FROM assignment a
JOIN village v ON v.id = a.village_id
LEFT JOIN household h ON h.household_id = a.household_id
LEFT JOIN village_group g ON g.id = h.group_id;

-- version 14
-- the scorecard (八个一推进情况) and the ledger's own metrics.
-- Each issue keeps the deadline it was opened with (scorecard_original_due):
-- an extension or a deadline brought forward changes due_date only, so that
-- on-time closure (按时办结率) is counted against the first promise.  The
-- issues kept before are given the first due_date their audit log knows,
-- else the one they hold.
ALTER TABLE issue ADD COLUMN scorecard_original_due TEXT;
UPDATE issue SET scorecard_original_due = coalesce((SELECT a.old FROM audit a
	WHERE a.entity = 'issue' AND a.entity_id = CAST(issue.id AS TEXT)
	AND a.field = 'due_date' AND a.old IS NOT NULL ORDER BY a.seq LIMIT 1),
	due_date);
CREATE TRIGGER scorecard_deadline_kept_on_insert AFTER INSERT ON issue
WHEN NEW.scorecard_original_due IS NULL
BEGIN
	UPDATE issue SET scorecard_original_due = NEW.due_date WHERE id = NEW.id;
END;
CREATE TRIGGER scorecard_deadline_never_changed
BEFORE UPDATE OF scorecard_original_due ON issue
WHEN OLD.scorecard_original_due IS NOT NULL AND
	NEW.scorecard_original_due IS NOT OLD.scorecard_original_due
BEGIN
	SELECT RAISE(ABORT, 'an issue keeps its original deadline');
END;

-- the household's rating of the feedback when called back (回访), the
-- 12345 hotline's four answers; a dissatisfied one reopens the issue
-- (issue-update --rating).  One a day per issue.
CREATE TABLE scorecard_callback (
	id INTEGER PRIMARY KEY,
	issue_id INTEGER NOT NULL REFERENCES issue(id),
	called_on TEXT NOT NULL CHECK (called_on GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	rating TEXT NOT NULL CHECK (rating = 'satisfied' OR
		rating = 'basically_satisfied' OR rating = 'dissatisfied' OR
		rating = 'unreachable'),
	who TEXT,
	UNIQUE (issue_id, called_on)
) STRICT;

-- version 15
-- assistance to a person (帮扶措施, support-log): a public-welfare post
-- (公益性岗位: the post, its employer, start and end, monthly pay) or a
-- small loan referral (小额信贷/富民贷: purpose, bank, the day the wish was
-- recorded, papers sent, amount and term in months, its status).  Known
-- by kind, person and start day; the person is a member's ID number.  A
-- rule breached on purpose keeps its written reason (support_override).
CREATE TABLE support (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind = 'post' OR kind = 'loan'),
	id_number TEXT NOT NULL,	-- a member(id_number)
	start_date TEXT NOT NULL,	-- post: first day; loan: wish recorded
	title TEXT,			-- post: the post; loan: its purpose
	provider TEXT,			-- post: employer; loan: the bank
	end_date TEXT,
	amount INTEGER CHECK (amount IS NULL OR amount >= 0),	-- yuan: monthly pay, or the loan
	term_months INTEGER CHECK (term_months IS NULL OR term_months > 0),
	status TEXT CHECK (status = 'wish' OR status = 'sent' OR status = 'approved' OR status = 'refused' OR
		status = 'withdrawn'),
	sent_on TEXT,			-- loan: papers sent to the bank
	owner TEXT,			-- the cadre who answers for it
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	source TEXT,			-- where it was first read: "file:line"
	UNIQUE (kind, id_number, start_date),
	CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX support_person ON support(id_number, kind);

CREATE TABLE support_override (
	id INTEGER PRIMARY KEY,
	support_id INTEGER NOT NULL REFERENCES support(id),
	rule TEXT NOT NULL,		-- the rule breached (lib/support.c support_rules)
	reason TEXT NOT NULL CHECK (reason <> ''),
	who TEXT,
	at TEXT NOT NULL
) STRICT;

-- version 16
-- what a merge leaves behind (place-edit merge, household-edit merge): the
-- name or number merged away still finds the place or household kept, so
-- that records read again from the files that named it are found, not
-- added again.  A village's groups went to the kept village's groups of
-- the same name, so a village's name is enough for them.
CREATE TABLE merged_village (
	name TEXT PRIMARY KEY,
	village_id INTEGER NOT NULL REFERENCES village(id)
) STRICT;
CREATE TABLE merged_group (
	village_id INTEGER NOT NULL REFERENCES village(id),
	name TEXT NOT NULL,
	group_id INTEGER NOT NULL REFERENCES village_group(id),
	PRIMARY KEY (village_id, name)
) STRICT;
CREATE TABLE merged_household (
	household_id TEXT PRIMARY KEY,
	household_ref INTEGER NOT NULL REFERENCES household(id)
) STRICT;

-- version 17
-- village rules (村规民约) as a lifecycle (rule-step): a rule set of a
-- village, or of one of its villager groups, known by its place and its
-- title, is drafted, consulted on in rounds (几上几下), voted at a
-- villagers' meeting, reviewed for legality and filed (合法性审查备案),
-- posted (张榜公布), then delivered to households (分发到户) and enforced.
-- stage is where its last step left it; it is in force once filed and
-- posted.  topics are ';'-joined rule_topic codes.
CREATE TABLE rule_set (
	id INTEGER PRIMARY KEY,
	village_id INTEGER NOT NULL REFERENCES village(id),
	group_id INTEGER REFERENCES village_group(id),
	title TEXT NOT NULL CHECK (length(trim(title)) > 0),
	topics TEXT NOT NULL DEFAULT '',
	stage TEXT NOT NULL CHECK (stage = 'drafted' OR stage = 'consulted' OR
		stage = 'voted' OR stage = 'rejected' OR stage = 'filed' OR
		stage = 'refused' OR stage = 'in_force'),
	stage_on TEXT NOT NULL CHECK (stage_on GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	filed_on TEXT,
	in_force_on TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	FOREIGN KEY (group_id, village_id) REFERENCES village_group(id, village_id)
) STRICT;
CREATE UNIQUE INDEX rule_set_natural ON rule_set(village_id,
	coalesce(group_id, 0), title);

-- the steps of a rule set, each once on its day (a delivery once a
-- household); what a step does not use is NULL
CREATE TABLE rule_step (
	id INTEGER PRIMARY KEY,
	rule_id INTEGER NOT NULL REFERENCES rule_set(id),
	step TEXT NOT NULL CHECK (step = 'draft' OR step = 'consult' OR
		step = 'vote' OR step = 'review' OR step = 'post' OR
		step = 'deliver' OR step = 'enforce'),
	done_on TEXT NOT NULL CHECK (done_on GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	who TEXT NOT NULL,
	topics TEXT,
	groups_consulted TEXT,
	opinions INTEGER CHECK (opinions >= 0),
	opinions_adopted INTEGER CHECK (opinions_adopted BETWEEN 0 AND opinions),
	representatives INTEGER CHECK (representatives > 0),
	present INTEGER CHECK (present BETWEEN 0 AND representatives),
	yes INTEGER CHECK (yes >= 0),
	no INTEGER CHECK (no >= 0),
	abstain INTEGER CHECK (abstain >= 0),
	result TEXT CHECK (result = 'adopted' OR result = 'not_adopted' OR
		result = 'no_quorum' OR result = 'passed' OR result = 'refused'),
	place TEXT,
	household_id TEXT,
	action TEXT CHECK (action = 'violation' OR action = 'reward'),
	body TEXT CHECK (body = 'red_white_council' OR body = 'moral_council' OR
		body = 'elders_hall' OR body = 'village_committee'),
	notes TEXT,
	created_at TEXT NOT NULL,
	CHECK (step <> 'vote' OR (yes + no + abstain <= present AND
		result = CASE WHEN present * 3 < representatives * 2 THEN 'no_quorum'
		WHEN yes * 2 > present THEN 'adopted' ELSE 'not_adopted' END))
) STRICT;
CREATE UNIQUE INDEX rule_step_natural ON rule_step(rule_id, step, done_on,
	coalesce(household_id, ''));
CREATE UNIQUE INDEX rule_step_delivered ON rule_step(rule_id, household_id)
	WHERE step = 'deliver';

-- version 18
-- a visit-coverage milestone may need the monitoring cases of the
-- households it covers complete (2022-11-08: 新识别监测户、风险消除户信息
-- 采集): a household with a case whose clue came by the due date and
-- that had not ended by then is not covered (lib/coverage.h)
ALTER TABLE milestone ADD COLUMN monitor_cases INTEGER NOT NULL DEFAULT 0
	CHECK (monitor_cases = 0 OR monitor_cases = 1);

-- version 19
-- selections of models (评选, action 8: honour-add): a person, a household
-- or a village chosen for an honour (honour_kind; the county's own are
-- kind 'other', known by their title) at a level in a year.  Known by the
-- honour, level, year and who was chosen: a village alone (文明村镇), a
-- household by its number, or a person by ID number with the household
-- they belong to.  basis says what it rests on: a vote (yes of voters,
-- more than half), the neighbour evaluation (its mean score, 0 to 100,
-- and evaluators) or the moral council's review, held on basis_on.
CREATE TABLE honour (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind = 'moral_model' OR
		kind = 'moving_figure' OR kind = 'good_person' OR
		kind = 'finest_person' OR kind = 'good_youth' OR
		kind = 'civilised_village' OR kind = 'civilised_family' OR
		kind = 'clean_household' OR kind = 'tidy_courtyard' OR
		kind = 'elder_care' OR kind = 'neighbourly' OR kind = 'other'),
	title TEXT NOT NULL DEFAULT '',
	level TEXT NOT NULL CHECK (level = 'village' OR level = 'town' OR
		level = 'county'),
	year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	village_id INTEGER NOT NULL REFERENCES village(id),
	household_id TEXT,		-- a household(household_id); NULL: the village
	id_number TEXT,			-- a member(id_number); NULL: no one person
	nominated_by TEXT NOT NULL,
	basis TEXT NOT NULL CHECK (basis = 'vote' OR basis = 'evaluation' OR
		basis = 'council'),
	basis_on TEXT NOT NULL CHECK (basis_on GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	yes INTEGER CHECK (yes >= 0),
	voters INTEGER CHECK (voters > 0),
	score REAL CHECK (score BETWEEN 0 AND 100),
	evaluators INTEGER CHECK (evaluators > 0),
	selected_on TEXT NOT NULL CHECK (selected_on GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	notes TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	source TEXT NOT NULL,
	CHECK (basis <> 'vote' OR yes * 2 > voters)
) STRICT;
CREATE UNIQUE INDEX honour_natural ON honour(kind, title, level, year,
	village_id, coalesce(household_id, ''), coalesce(id_number, ''));
CREATE INDEX honour_village ON honour(village_id, year);

-- version 20
-- deadline rules may count working days (--rule water:urgent=5wd), by
-- the official holiday calendar the office keeps (lib/calendar.h): a day
-- listed here is a holiday (休) or a weekend day worked instead (调休,
-- 班); any other day is a working day from Monday to Friday
ALTER TABLE deadline_rule ADD COLUMN working_days INTEGER NOT NULL DEFAULT 0
	CHECK (working_days = 0 OR working_days = 1);
CREATE TABLE calendar_day (
	day TEXT PRIMARY KEY CHECK (day GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	kind TEXT NOT NULL CHECK (kind = 'holiday' OR kind = 'workday'),
	name TEXT
) STRICT, WITHOUT ROWID;

-- version 21
-- an issue or an assistance measure may point to the monitoring case
-- that led to it (issue-add --case, support-log --case): a case of the
-- same household, checked by lib/monitor_case.c before it is written
ALTER TABLE issue ADD COLUMN monitor_case_id INTEGER
	REFERENCES monitor_case(id);
ALTER TABLE support ADD COLUMN monitor_case_id INTEGER
	REFERENCES monitor_case(id);
CREATE INDEX issue_monitor_case ON issue(monitor_case_id)
	WHERE monitor_case_id IS NOT NULL;
CREATE INDEX support_monitor_case ON support(monitor_case_id)
	WHERE monitor_case_id IS NOT NULL;

-- version 22
-- the honour board and the exposure board of a village (光荣榜 / 曝光台,
-- 红黑榜; board-step): a household posted for a period, known by its
-- board, the household and the period's first day.  An honour entry
-- comes from a selection (honour_id) or the neighbour evaluation's red
-- list; an exposure entry from its black list or a council's finding,
-- with its reason, and the household told of it and of its right to
-- object by object_by before it is posted.  stage is where its last
-- step left it; a posted entry is on the board from period_from to
-- period_to (lib/board.h BOARD_ON_SQL), or until it is removed.
CREATE TABLE board_entry (
	id INTEGER PRIMARY KEY,
	board TEXT NOT NULL CHECK (board = 'honour' OR board = 'exposure'),
	village_id INTEGER NOT NULL REFERENCES village(id),
	household_id TEXT NOT NULL,	-- a household(household_id)
	period_from TEXT NOT NULL CHECK (period_from GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	period_to TEXT NOT NULL CHECK (period_to >= period_from),
	source TEXT NOT NULL CHECK (source = 'selection' OR
		source = 'red_list' OR source = 'black_list' OR source = 'council'),
	honour_id INTEGER REFERENCES honour(id),
	headline TEXT,			-- what is posted; NULL: the selection's honour
	reason TEXT,			-- why a household is exposed
	stage TEXT NOT NULL CHECK (stage = 'proposed' OR stage = 'notified' OR
		stage = 'objected' OR stage = 'answered' OR stage = 'withdrawn' OR
		stage = 'posted' OR stage = 'removed'),
	stage_on TEXT NOT NULL,
	proposed_on TEXT NOT NULL,
	notified_on TEXT,
	object_by TEXT,
	objected_on TEXT,
	objection TEXT,
	decided_on TEXT,
	result TEXT CHECK (result = 'upheld' OR result = 'dismissed'),
	decision TEXT,
	posted_on TEXT,
	removed_on TEXT,
	removed_why TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (board, household_id, period_from),
	CHECK ((board = 'exposure') = (source = 'black_list' OR
		source = 'council')),
	CHECK (board <> 'exposure' OR reason IS NOT NULL),
	CHECK (board <> 'exposure' OR posted_on IS NULL OR notified_on IS NOT NULL),
	CHECK (source <> 'selection' OR honour_id IS NOT NULL)
) STRICT;
CREATE INDEX board_entry_village ON board_entry(village_id, stage);

-- version 23
-- a milestone may ask for the village rules delivered (rule_delivery,
-- 村规民约分发到户): each village's own rule set in force and delivered
-- to every one of its households by the due date.  SQLite cannot change
-- a CHECK, so the table is made again, its rows and ids as they were.
CREATE TABLE milestone_new (
	id INTEGER PRIMARY KEY,
	milestone_id TEXT NOT NULL UNIQUE CHECK (length(trim(milestone_id)) > 0),
	title TEXT NOT NULL CHECK (length(trim(title)) > 0),
	kind TEXT NOT NULL CHECK (kind = 'visit_coverage' OR
		kind = 'meeting_coverage' OR kind = 'rule_delivery'),
	categories TEXT NOT NULL DEFAULT '',	-- ';'-joined category codes
	round TEXT,
	due_date TEXT NOT NULL CHECK (due_date GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	meeting_kind TEXT,
	scope TEXT CHECK (scope = 'village' OR scope = 'group'),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	source TEXT,			-- where it was first read: "file:line"
	roles TEXT NOT NULL DEFAULT '',
	monitor_cases INTEGER NOT NULL DEFAULT 0
		CHECK (monitor_cases = 0 OR monitor_cases = 1),
	CHECK (kind <> 'visit_coverage' OR (round IS NOT NULL AND
		meeting_kind IS NULL AND scope IS NULL)),
	CHECK (kind <> 'rule_delivery' OR (round IS NULL AND
		meeting_kind IS NULL AND scope IS NULL AND categories = '' AND
		roles = '' AND monitor_cases = 0))
) STRICT;
INSERT INTO milestone_new SELECT id, milestone_id, title, kind, categories,
	round, due_date, meeting_kind, scope, created_at, updated_at, source,
	roles, monitor_cases FROM milestone;
DROP TABLE milestone;
ALTER TABLE milestone_new RENAME TO milestone;

-- version 24
-- returnees (回引人才, returnee-log): a person working away, or a 乡贤,
-- whom one cadre contacts one to one.  Each contact is a row known by
-- the person's ID number and its day, carrying the person as they stood
-- after it: name, village, kind, where they work, skills, intention,
-- the cadre and the status reached.  The returnee is their latest row.
CREATE TABLE returnee_contact (
	id INTEGER PRIMARY KEY,
	id_number TEXT NOT NULL,
	contacted_on TEXT NOT NULL,
	name TEXT NOT NULL,
	village_id INTEGER NOT NULL REFERENCES village(id),
	kind TEXT NOT NULL CHECK (kind = 'talent' OR kind = 'elite'),
	away_place TEXT,
	skills TEXT,
	intention TEXT CHECK (intention = 'employment' OR intention = 'business' OR
		intention = 'undecided'),
	cadre TEXT NOT NULL,
	way TEXT,			-- 电话, 微信, 上门, ...
	said TEXT,			-- what was said
	status TEXT NOT NULL CHECK (status = 'contacted' OR status = 'intends' OR
		status = 'returned' OR status = 'settled'),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	source TEXT,			-- where it was first read: "file:line"
	UNIQUE (id_number, contacted_on)
) STRICT;
CREATE INDEX returnee_contact_village ON returnee_contact(village_id);

-- version 25
-- two more kinds of assistance (support-log): a job at an industry park
-- (job, 产业园务工: the employer, first and last day, monthly income) and
-- a land transfer (land, 土地流转: the parcel, its area in mu, to whom,
-- first and last day, yearly rent).  A land transfer is known by its
-- parcel too, since one person may transfer two parcels on one day.
-- SQLite cannot change a CHECK, so the table is made again, its rows and
-- ids as they were (support_override refers to them by id; the audit
-- log names a record by kind, person and first day).
CREATE TABLE support_new (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind = 'post' OR kind = 'loan' OR
		kind = 'job' OR kind = 'land'),
	id_number TEXT NOT NULL,	-- a member(id_number)
	start_date TEXT NOT NULL,	-- first day; loan: wish recorded
	title TEXT,			-- post, job: the work; loan: its purpose; land: the parcel
	provider TEXT,			-- employer; loan: the bank; land: to whom
	end_date TEXT,
	amount INTEGER CHECK (amount IS NULL OR amount >= 0),	-- yuan: monthly pay or income, the loan, a year's rent
	term_months INTEGER CHECK (term_months IS NULL OR term_months > 0),
	status TEXT CHECK (status = 'wish' OR status = 'sent' OR status = 'approved' OR status = 'refused' OR
		status = 'withdrawn'),
	sent_on TEXT,			-- loan: papers sent to the bank
	owner TEXT,			-- the cadre who answers for it
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	source TEXT,			-- where it was first read: "file:line"
	monitor_case_id INTEGER REFERENCES monitor_case(id),
	area_mu REAL CHECK (area_mu IS NULL OR area_mu > 0),	-- land: mu transferred
	CHECK (end_date IS NULL OR end_date >= start_date),
	CHECK (kind = 'land' OR area_mu IS NULL),
	CHECK (kind <> 'land' OR (title IS NOT NULL AND provider IS NOT NULL AND
		area_mu IS NOT NULL))
) STRICT;
INSERT INTO support_new (id, kind, id_number, start_date, title, provider,
	end_date, amount, term_months, status, sent_on, owner, created_at,
	updated_at, source, monitor_case_id)
	SELECT id, kind, id_number, start_date, title, provider, end_date,
	amount, term_months, status, sent_on, owner, created_at, updated_at,
	source, monitor_case_id FROM support;
DROP TABLE support;
ALTER TABLE support_new RENAME TO support;
CREATE UNIQUE INDEX support_key ON support(kind, id_number, start_date,
	CASE WHEN kind = 'land' THEN title ELSE '' END);
CREATE INDEX support_person ON support(id_number, kind);
CREATE INDEX support_monitor_case ON support(monitor_case_id)
	WHERE monitor_case_id IS NOT NULL;

-- version 26
-- the people tagged for care (孤寡老人, 留守儿童, 贫困学生, 残疾人), a tenth of
-- the members or fewer: report-gen assistance counts them and report-gen
-- care finds them in this index, not in a pass over every member
CREATE INDEX member_tagged ON member(household_id, tags) WHERE tags <> '';

-- version 27
-- the county's settings (county-set, lib/county.c): the limits and day
-- counts renke's rules read, with the seed's values until the county
-- changes them.  The monitoring cases' limits of version 10 move here.
CREATE TABLE county_setting (
	name TEXT PRIMARY KEY,
	value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO county_setting SELECT name, value FROM monitor_limit;
INSERT INTO county_setting VALUES ('post_min_age', 16), ('job_min_age', 16),
	('loan_min_age', 18), ('loan_max_age', 65), ('loan_max_amount', 50000),
	('loan_max_months', 36), ('loan_unsent_days', 7),
	('loan_unanswered_days', 30), ('returnee_uncontacted_days', 30);
DROP TABLE monitor_limit;

-- version 28
-- 包片: a cadre over a 片, a named set of villages (assign --area), has
-- an assignment a village of it with the 片's name; known apart from the
-- same cadre's 包村 of the village.  A household's cadre is its own,
-- else its village's, else its 片's (lib/assign.h ASSIGN_OWNER).
ALTER TABLE assignment ADD COLUMN area TEXT;
DROP INDEX assignment_natural;
CREATE UNIQUE INDEX assignment_natural ON assignment(cadre, role, village_id,
	coalesce(household_id, ''), coalesce(area, ''));
DROP VIEW assignment_view;
CREATE VIEW assignment_view AS
SELECT a.id AS assignment_id, a.cadre,
	a.role, (SELECT label_zh FROM vocab WHERE domain = 'visitor_role'
		AND code = a.role) AS role_zh,
	a.village_id, v.name AS village,
	h.group_id, g.name AS village_group,
	a.household_id, h.head_name,
	a.start_date, a.end_date, a.area
FROM assignment a
JOIN village v ON v.id = a.village_id
LEFT JOIN household h ON h.household_id = a.household_id
LEFT JOIN village_group g ON g.id = h.group_id;

-- version 29
-- misconduct the village refers to the legal system (查处违法乱纪,
-- misconduct-step): persistent unreasonable petitions, refusing to
-- support parents, domestic violence and others.  Each matter is an
-- issue of the ledger of its own kind, 'misconduct', so that its owner,
-- deadline, notes, withdrawal, revisits, history and deadline-check
-- are the ledger's; this side table keeps what only a matter has: its
-- kind, the body it was referred to, its steps' days and the result.
-- The issue's kind CHECK gains the kind in place, as version 10 did for
-- the status: a constraint loosened, which no stored row can break.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'kind = ''suggestion''),',
	'kind = ''suggestion'' OR kind = ''misconduct''),')
WHERE type = 'table' AND name = 'issue';
PRAGMA writable_schema = RESET;
-- the CHECK was found as version 2 wrote it, or the migration stops here
CREATE TEMP TABLE issue_kind_loosened (found INTEGER CHECK (found));
INSERT INTO issue_kind_loosened SELECT instr(sql, '''misconduct''') > 0
	FROM sqlite_schema WHERE type = 'table' AND name = 'issue';
DROP TABLE issue_kind_loosened;
-- a matter is known by its kind, its first party (a household number or
-- an ID number) and the day it was referred; parties lists them all,
-- ';'-joined, in the order given.  stage is where its last step left it.
CREATE TABLE misconduct (
	issue_id INTEGER PRIMARY KEY REFERENCES issue(id),
	kind TEXT NOT NULL CHECK (kind = 'petition' OR kind = 'support_refusal' OR
		kind = 'domestic_violence' OR kind = 'other'),
	party TEXT NOT NULL CHECK (length(trim(party)) > 0),
	parties TEXT NOT NULL,
	referred_to TEXT NOT NULL CHECK (referred_to = 'mediation' OR
		referred_to = 'arbitration' OR referred_to = 'ruling' OR
		referred_to = 'reconsideration' OR referred_to = 'court' OR
		referred_to = 'police'),
	referred_on TEXT NOT NULL CHECK (referred_on GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	accepted_on TEXT,
	result TEXT,
	result_on TEXT,
	stage TEXT NOT NULL CHECK (stage = 'referred' OR stage = 'accepted' OR
		stage = 'decided' OR stage = 'revisited'),
	stage_on TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (kind, party, referred_on),
	CHECK (result_on IS NULL OR (result IS NOT NULL AND accepted_on IS NOT NULL
		AND result_on >= accepted_on)),
	CHECK (accepted_on IS NULL OR accepted_on >= referred_on)
) STRICT;

-- version 30
-- an issue's original deadline (version 14) changes only with the day it
-- was opened, in the same update: a meeting whose date is corrected
-- (meeting-edit) gives its suggestions the deadline counted from the
-- corrected day, which is then the first promise.
DROP TRIGGER scorecard_deadline_never_changed;
CREATE TRIGGER scorecard_deadline_never_changed
BEFORE UPDATE OF scorecard_original_due ON issue
WHEN OLD.scorecard_original_due IS NOT NULL AND
	NEW.scorecard_original_due IS NOT OLD.scorecard_original_due AND
	NEW.opened_on IS OLD.opened_on
BEGIN
	SELECT RAISE(ABORT, 'an issue keeps its original deadline');
END;

-- version 31
-- care visits (人文关怀, care-log): a visit to a person (a member, by ID
-- number) on a day by a visitor, saying what was done; known by those
-- three.  A visit goes with the person, not the household: it counts in
-- the village of the household they belong to when coverage is asked.
CREATE TABLE care_visit (
	id INTEGER PRIMARY KEY,
	id_number TEXT NOT NULL,	-- a member(id_number)
	visit_date TEXT NOT NULL CHECK (visit_date GLOB
		'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	visitor TEXT NOT NULL CHECK (length(trim(visitor)) > 0),
	visitor_role TEXT,		-- a visitor_role code, or NULL
	done TEXT NOT NULL CHECK (length(trim(done)) > 0),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	source TEXT,			-- where it was first read: "file:line"
	UNIQUE (id_number, visit_date, visitor)
) STRICT;
-- a milestone of kind care_coverage asks every person carrying one of
-- care_tags (member_tag codes, ';'-joined) for a care visit from
-- care_from (NULL: any day) to its due date (lib/coverage.h).  The kind
-- CHECK gains it in place, as version 29 loosened the issue's kind.
ALTER TABLE milestone ADD COLUMN care_tags TEXT NOT NULL DEFAULT '';
ALTER TABLE milestone ADD COLUMN care_from TEXT;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'kind = ''rule_delivery''),',
	'kind = ''rule_delivery'' OR kind = ''care_coverage''),')
WHERE type = 'table' AND name = 'milestone';
PRAGMA writable_schema = RESET;
-- the CHECK was found as version 23 wrote it, or the migration stops here
CREATE TEMP TABLE milestone_kind_loosened (found INTEGER CHECK (found));
INSERT INTO milestone_kind_loosened SELECT instr(sql, '''care_coverage''') > 0
	FROM sqlite_schema WHERE type = 'table' AND name = 'milestone';
DROP TABLE milestone_kind_loosened;

-- version 32
-- a person's ID number is unique through an index of its own,
-- member_id_number, not a UNIQUE constraint of the table: an import
-- into a store with no people yet drops the member indexes, writes the
-- people in the order of the input and builds the indexes after them,
-- by sorting (lib/member.c), which SQLite cannot do with a constraint's
-- index.  SQLite cannot drop a constraint, so the table is made again,
-- its rows and ids as they were (the audit log names a person by ID
-- number).  The old rename rules leave member_view as it is: it names
-- the table, which is there again once renamed.
PRAGMA legacy_alter_table = ON;
CREATE TABLE member_new (
	id INTEGER PRIMARY KEY,
	id_number TEXT NOT NULL,	-- 18 characters, its check digit right
	household_id TEXT NOT NULL,	-- a household(household_id)
	name TEXT NOT NULL CHECK (name <> ''),
	sex TEXT NOT NULL CHECK (sex = 'male' OR sex = 'female'),
	birth_date TEXT NOT NULL,	-- ISO, from the ID number
	relation TEXT CHECK (relation = 'head' OR relation = 'spouse' OR
		relation = 'child' OR relation = 'child_in_law' OR
		relation = 'grandchild' OR relation = 'parent' OR
		relation = 'grandparent' OR relation = 'sibling' OR
		relation = 'other'),
	labour TEXT CHECK (labour = 'ordinary' OR labour = 'weak' OR
		labour = 'half' OR labour = 'lost' OR labour = 'none'),
	schooling TEXT CHECK (schooling = 'not_in_school' OR
		schooling = 'preschool' OR schooling = 'primary' OR
		schooling = 'junior' OR schooling = 'senior' OR
		schooling = 'vocational' OR schooling = 'college'),
	health TEXT CHECK (health = 'healthy' OR health = 'chronic' OR
		health = 'serious_illness' OR health = 'disabled'),
	away_place TEXT,		-- working away (外出务工): where
	away_since TEXT,		-- and since when, ISO
	tags TEXT NOT NULL DEFAULT '',	-- ';'-joined member_tag codes
	phone TEXT,
	cadre_relative INTEGER CHECK (cadre_relative = 0 OR cadre_relative = 1),
	source_id INTEGER NOT NULL,	-- member_source.id
	line INTEGER NOT NULL,		-- in the source file; 0 for the command line
	updated_at TEXT			-- NULL until it changes
) STRICT;
INSERT INTO member_new (id, id_number, household_id, name, sex, birth_date,
	relation, labour, schooling, health, away_place, away_since, tags,
	phone, cadre_relative, source_id, line, updated_at)
	SELECT id, id_number, household_id, name, sex, birth_date, relation,
	labour, schooling, health, away_place, away_since, tags, phone,
	cadre_relative, source_id, line, updated_at FROM member;
DROP TABLE member;
ALTER TABLE member_new RENAME TO member;
PRAGMA legacy_alter_table = OFF;
CREATE UNIQUE INDEX member_id_number ON member(id_number);
CREATE INDEX member_household ON member(household_id);
CREATE INDEX member_tagged ON member(household_id, tags) WHERE tags <> '';

-- version 33
-- the day a small loan was decided (support-log): approved by the bank,
-- refused, or withdrawn by the person, beside sent_on (papers sent), so
-- that report-gen counts an approval on the day it was given.  A loan
-- decided before this version has none: it is counted by the day its
-- wish was recorded, as it was.
ALTER TABLE support ADD COLUMN decided_on TEXT;	-- loan: approved, refused or withdrawn
