/* renke.h -- the one header every command includes */
#ifndef RENKE_H
#define RENKE_H

/*
 * How renke is put together
 *
 * Every command is one file cmd/NAME.c: main() parses its options with
 * cli_parse() (cmd/cli.h), opens the store, hands the work to one
 * function of lib/, and turns the result into messages and an exit
 * status.  A command that imports records is its option table and one
 * call of cli_import() (cmd/cli-import.c), given its import_kind: the
 * one front end reads the records, opens the store, runs import_run(),
 * keeps the rejects and prints the closing line every import shares.
 * Everything else lives here, in lib/, which never prints and never
 * exits: a function returns 0 or -1 and fills a struct error the caller
 * owns.
 *
 *   error.h     struct error, sysexits statuses, per-row problems
 *   text.h      UTF-8, display width, dates, ID and phone numbers, masking
 *   vocab.h     code <-> label vocabularies (categories, statuses, ...)
 *   input.h     records in: CSV, JSON, JSON Lines; GB18030 decoding
 *   workbook.h  records in from .xlsx (xlsx.h), .xls and .et (xls.h)
 *   output.h    records out: csv, jsonl, json, aligned table; the one
 *               quoter of CSV fields, JSON strings and HTML text
 *   store.h     the SQLite store: open, schema migrations, transactions;
 *               every statement is prepared by store_prepare()
 *   buf.h       a growable byte buffer
 *   hashtab.h   the one hash table: items' indexes by text_hash()
 *   audit.h     the append-only audit log
 *   fields.h    field tables: header names, Chinese aliases, lookups
 *   household.h households: fields, import (household_import.c), listing
 *               (household.c); household_check.h checks one record
 *   place.h     villages and villager groups by name
 *   place_edit.h  villages and groups renamed, merged, removed
 *   household_edit.h  households renumbered, merged, removed
 *   visit_edit.h  a visit's household, date or visitor corrected; removed
 *   import.h    the bulk import loop: all-or-nothing, --skip-bad, problems
 *   merge.h     a record given again: compare, update what changed, audit it
 *   rejects.h   the rejects file: beside its target, safe before the commit
 *   batch.h     records held in batches, written by the worker, settled in order
 *   worker.h    a thread beside the caller: one core checks, one writes
 *   issue.h     the ledger: issues, their lifecycle, notes, mediation;
 *               the one rule of "open" and "overdue".  issue_add.c adds
 *               (issue-add), issue_update.c updates (issue-update),
 *               issue.c and issue_parts.h hold what they share
 *   meeting.h   meetings, their votes, suggestions raised at them
 *   calendar.h  working days by the official holiday calendar (调休)
 *   deadline.h  what is overdue or falls due soon, and whose it is
 *   report.h    the readings of report-gen: report_summary.c reads the
 *               summary from the stores into rows (report_village.c,
 *               a row as a value: totals, copies), report_rows.c and
 *               report_html.c write it
 *               (report_chart.c draws the page's charts, sharing
 *               report_page.h), report_ledger.c the ledgers and an
 *               issue's history, report_survey.c the survey rounds;
 *               report.c and report_parts.h what they share
 *   visit.h     household visits: import, checks
 *   visit_findings.h  flagged visits as findings for issue-add
 *   milestone.h coverage milestones: what must be done by a date
 *   coverage.h  who a visit-coverage milestone covers (the one definition)
 *   survey.h    the phone survey: recognition rates, dissatisfied answers
 *               as issues, rounds saved and compared; survey.c is its
 *               tally model, survey_read.c, survey_issues.c,
 *               survey_round.c and survey_write.c its parts, sharing
 *               survey_model.h
 *   evaluation.h neighbour evaluations and village-rule ballots
 *   vote.h      the village-rule vote: valid, adopted (exact arithmetic)
 *   member.h    the people of households (member-add)
 *   assign.h    the cadres assigned to households and villages (assign);
 *               who answers for a household
 *   support.h   assistance to a person: posts, park jobs, land transfers and
 *               small loans, their rules
 *   county.h    the county's settings: the limits and day counts rules read
 *   returnee.h  returnees and village worthies, each contact one to one
 *   monitor_case.h  monitoring cases: a clue opens one (monitor_case.c),
 *               the steps of the procedure follow in order and the
 *               county decides (monitor_step.c); monitor_parts.h holds
 *               what they share
 *   rule.h      village rules (村规民约): a rule set's steps from its
 *               draft to its enforcement (rule-step)
 *   honour.h    selections of models (评选): people, households and
 *               villages chosen for an honour (honour-add)
 *   board.h     the honour and exposure boards (光荣榜 / 曝光台): a
 *               household's entry step by step (board-step)
 *   misconduct.h misconduct referred to the legal system (查处违法乱纪):
 *               a ledger entry of its own kind, step by step
 *               (misconduct-step)
 *   lifecycle.h which step may follow which stage, for the step
 *               commands (rule-step, board-step, misconduct-step)
 *
 * To add a command: write cmd/NAME.c after cmd/household-add.c, list it
 * in the Makefile's COMMANDS, write man/man1/NAME.1 with EXAMPLES, and add
 * tests/tNNNN-NAME.sh.  New tables go in a new "-- version N" section
 * at the end of lib/schema.sql; never edit a section already released.
 *
 * To import a new kind of record: give import_run() an import_kind
 * (import.h): its field table and a row() that checks one record and
 * writes it.  A record given again goes to merge_record() with the
 * kind's merge_rule (merge.h: which fields may be updated, how a record
 * given twice is reported); a kind imported by the million holds its
 * records with batch_hold() and gives a batch_kind (batch.h: its INSERT,
 * how a record is copied, bound and found).  lib/milestone.c uses the
 * first, lib/household_import.c and lib/visit.c all three.
 */

#include "error.h"
#include "text.h"
#include "vocab.h"
#include "input.h"
#include "workbook.h"
#include "output.h"
#include "store.h"
#include "audit.h"
#include "fields.h"
#include "household.h"
#include "household_check.h"
#include "place.h"
#include "place_edit.h"
#include "household_edit.h"
#include "visit_edit.h"
#include "meeting_edit.h"
#include "import.h"
#include "merge.h"
#include "rejects.h"
#include "batch.h"
#include "issue.h"
#include "calendar.h"
#include "meeting.h"
#include "deadline.h"
#include "report.h"
#include "visit.h"
#include "visit_findings.h"
#include "milestone.h"
#include "coverage.h"
#include "survey.h"
#include "evaluation.h"
#include "vote.h"
#include "member.h"
#include "assign.h"
#include "monitor_case.h"
#include "returnee.h"
#include "care.h"
#include "support.h"
#include "county.h"
#include "rule.h"
#include "honour.h"
#include "board.h"
#include "misconduct.h"
#include "lifecycle.h"

#define RENKE_VERSION "0.1.0"

#endif
