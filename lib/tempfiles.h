/* tempfiles.h -- the files a command makes for a while, removed even when a signal ends it */
#ifndef RENKE_TEMPFILES_H
#define RENKE_TEMPFILES_H

/* how many such files a command keeps at once (the -o file, the rejects, a workbook's) */
#define TEMPFILES_MAX 8

/*
 * Note path as a file to remove if a signal ends the command.  Returns
 * its slot for tempfiles_forget(), or -1 when the path is too long or
 * every slot is taken (the file is then not removed on a signal).
 */
int tempfiles_note(const char *path);

/*
 * mkostemp(template, flags) with the file noted in the same step: the
 * signals that end a command are held back until it is, so that none can
 * come between the file's making and its noting.  Returns the descriptor
 * (and its slot in *slot, -1 when it could not be noted), or -1 with
 * errno set and nothing made.
 */
int tempfiles_make(char *template, int flags, int *slot);

/* Forget slot (after the file is renamed or removed); -1 is a no-op. */
void tempfiles_forget(int slot);

/*
 * Remove every file noted and not forgotten.  Async-signal-safe: for a
 * signal handler, which then ends the command as the signal would.
 */
void tempfiles_remove_all(void);

#endif
