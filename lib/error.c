/* error.c -- filling struct error */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"

int
error_set(struct error *err, int status, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return -1;
}
