/* board.h -- the honour board and the exposure board (光荣榜 / 曝光台): what a village posts, for which period */
#ifndef RENKE_BOARD_H
#define RENKE_BOARD_H

#include "import.h"
#include "store.h"

/*
 * An entry of a village's board is a household posted on the honour
 * board (光荣榜, 红榜) or the exposure board (曝光台, 黑榜) for a
 * period, known by its board, the household and the period's first
 * day.  Its steps come in this order, each dated no earlier than the
 * step before and not after the period's last day (board-step, board.c):
 *
 *   honour:   propose -> post [-> remove]
 *   exposure: propose -> notify [-> object -> decide] -> post [-> remove]
 *
 * An honour entry comes from a selection (honour-add: the household's,
 * or its person's, latest selection by the day proposed) or from the
 * neighbour evaluation's red list; an exposure entry from the
 * evaluation's black list or a council's finding, and is refused
 * without its reason.  Before it is posted the household is told of
 * the reason and of its right to object by a day (notify); it is posted
 * only after that day, or once an objection is decided against it
 * (decide dismissed); an objection upheld withdraws the entry.  A
 * posted entry is on the board until the end of its period, when it
 * comes down by itself, or until it is removed earlier with the reason.
 * Every step is audited under entity "board".
 */

/* An entry on the board on day d (prefix t of board_entry). */
#define BOARD_ON_SQL(t, d) "(" t "stage = 'posted' AND " t "period_from <= " \
	d " AND " t "period_to >= " d ")"

/* The fields of a step, as board-step reads them. */
enum board_field {
	BOARD_BOARD, BOARD_VILLAGE, BOARD_HOUSEHOLD, BOARD_FROM, BOARD_TO,
	BOARD_STEP, BOARD_DATE, BOARD_WHO, BOARD_HEADLINE, BOARD_SOURCE,
	BOARD_REASON, BOARD_OBJECT_BY, BOARD_RESULT, BOARD_NOTES,
	BOARD_NFIELDS
};

extern const struct field_spec board_fields[BOARD_NFIELDS];

/*
 * How the steps of board entries are checked and recorded, for
 * import_run(), given a struct step_settings (lifecycle.h).
 */
extern const struct import_kind board_step_kind;

#endif
