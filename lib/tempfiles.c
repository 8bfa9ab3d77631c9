/* tempfiles.c -- the files a command makes for a while, removed even when a signal ends it */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tempfiles.h"

/*
 * A slot is filled before it is marked taken, and unmarked before it is
 * reused, so that a handler running at any moment sees whole paths.
 */
static char paths[TEMPFILES_MAX][PATH_MAX];
static volatile sig_atomic_t taken[TEMPFILES_MAX];

int
tempfiles_note(const char *path)
{
	size_t n = strlen(path);

	if (n >= PATH_MAX)
		return -1;
	for (int i = 0; i < TEMPFILES_MAX; i++)
		if (!taken[i]) {
			memcpy(paths[i], path, n + 1);
			taken[i] = 1;
			return i;
		}
	return -1;
}

int
tempfiles_make(char *template, int flags, int *slot)
{
	sigset_t ending, old;
	int fd, saved;

	sigemptyset(&ending);
	sigaddset(&ending, SIGINT);
	sigaddset(&ending, SIGTERM);
	sigaddset(&ending, SIGHUP);
	sigaddset(&ending, SIGQUIT);
	sigprocmask(SIG_BLOCK, &ending, &old);
	fd = mkostemp(template, flags);
	saved = errno;
	*slot = fd >= 0 ? tempfiles_note(template) : -1;
	sigprocmask(SIG_SETMASK, &old, NULL);
	errno = saved;
	return fd;
}

void
tempfiles_forget(int slot)
{
	if (slot >= 0 && slot < TEMPFILES_MAX)
		taken[slot] = 0;
}

void
tempfiles_remove_all(void)
{
	for (int i = 0; i < TEMPFILES_MAX; i++)
		if (taken[i])
			unlink(paths[i]);
}
