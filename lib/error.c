/* error.c -- filling struct error */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

const char *
text_in_context(const char *context, const char *s)
{
	char key[256];
	const char *text;
	size_t n = strlen(context), m = strlen(s);

	/* the catalog keys a message with a context as "context\004message" */
	if (n + 1 + m >= sizeof(key))
		return s;
	memcpy(key, context, n);
	key[n] = '\004';
	memcpy(key + n + 1, s, m + 1);
	text = dgettext("renke", key);
	return text == key ? s : text;
}
