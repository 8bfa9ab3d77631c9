/* test-input.c -- records in: CSV edge cases, JSON, encodings */
#include <stdlib.h>
#include <unistd.h>

#include "renke.h"
#include "tap.h"

static char path[64];

/* Write len bytes to a fresh temporary file; its name is in path. */
static void
write_file(const char *bytes, size_t len)
{
	int fd;

	snprintf(path, sizeof(path), "/tmp/renke-test-XXXXXX");
	if ((fd = mkstemp(path)) < 0 || write(fd, bytes, len) != (ssize_t)len) {
		perror("test file");
		exit(2);
	}
	close(fd);
}

/*
 * Read every record of bytes as format/encoding into a compact text:
 * "line:name=value|name=value;" per record, "line:!problem;" for a bad
 * one, "ERROR(status)" when reading stopped.
 */
static char result[8192];

static const char *
read_all(const char *bytes, size_t len, enum input_format format,
    enum encoding encoding)
{
	struct error err = { 0 };
	struct reader *r;
	struct record *rec;
	size_t used = 0;
	int rc;

	write_file(bytes, len);
	result[0] = '\0';
	if ((r = reader_open(path, format, encoding, &err)) == NULL) {
		snprintf(result, sizeof(result), "OPEN(%d)", err.status);
		unlink(path);
		return result;
	}
	while ((rc = reader_next(r, &rec, &err)) == 1) {
		used += (size_t)snprintf(result + used, sizeof(result) - used, "%ld:",
		    rec->line);
		if (rec->problem != NULL)
			used += (size_t)snprintf(result + used, sizeof(result) - used,
			    "!%s", rec->problem);
		for (size_t i = 0; i < rec->count; i++)
			used += (size_t)snprintf(result + used, sizeof(result) - used,
			    "%s%s=%s", i > 0 ? "|" : "", rec->names[i],
			    rec->values[i] != NULL ? rec->values[i] : "(null)");
		used += (size_t)snprintf(result + used, sizeof(result) - used, ";");
	}
	if (rc < 0)
		snprintf(result + used, sizeof(result) - used, "ERROR(%d)", err.status);
	reader_close(r);
	unlink(path);
	return result;
}

#define CSV(s) read_all(s, sizeof(s) - 1, INPUT_AUTO, ENCODING_AUTO)

static void
test_csv(void)
{
	is_str(CSV("a,b\n1,2\n3,4\n"), "2:a=1|b=2;3:a=3|b=4;", "plain CSV");
	is_str(CSV("a,b\r\n1,2\r\n"), "2:a=1|b=2;", "CRLF");
	is_str(CSV("a,b\n1,2"), "2:a=1|b=2;", "no final newline");
	is_str(CSV("\xef\xbb\xbf" "a,b\n1,2\n"), "2:a=1|b=2;", "a UTF-8 BOM is dropped");
	is_str(CSV("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n"), "2:a=x,y|b=say \"hi\";",
	    "quoted commas and quotes");
	is_str(CSV("a,b\n\"line 1\nline 2\",z\n3,4\n"),
	    "2:a=line 1\nline 2|b=z;4:a=3|b=4;", "an embedded newline; lines stay right");
	is_str(CSV(""), "", "an empty file has no records");
	is_str(CSV("a,b\n"), "", "a header alone has no records");
	is_str(CSV("a,b\n\n1,2\n\n"), "3:a=1|b=2;", "blank lines are skipped");
	is_str(CSV("a,b\n,\n1,2\n"), "3:a=1|b=2;", "a row of empty cells is skipped");
	is_str(CSV(" a , b \n1,2\n"), "2:a=1|b=2;", "header names are trimmed");
	is_str(CSV("a,b\n1,2,3\n"),
	    "2:!more fields than the header has columns;", "a long ragged row");
	is_str(CSV("a,b\n1\n"), "2:!fewer fields than the header has columns;",
	    "a short ragged row");
	is_str(CSV("a,b,,\n1,2,,\n"), "2:a=1|b=2;", "empty trailing columns (Excel)");
	is_str(CSV("a,b,\n1,2,x\n"),
	    "2:!a value in a column that has no name in the header;",
	    "a value under no header");
	is_str(CSV("a,a\n1,2\n"), "ERROR(65)", "a column named twice");
	is_str(CSV("a,b\n1,\"2\n"), "ERROR(65)", "an unclosed quote at the end");
	is_str(CSV("a,b\n1,x\"y\n3,4\n"),
	    "2:!a quote (\") inside a field that is not quoted, or text after a "
	    "closing quote;3:a=3|b=4;", "a stray quote spoils one record only");
	is_str(CSV("a,b\n\"1\"x,2\n"),
	    "2:!a quote (\") inside a field that is not quoted, or text after a "
	    "closing quote;", "text after a closing quote");
	is_str(read_all("a,b\n1,x\0y\n", 10, INPUT_AUTO, ENCODING_AUTO),
	    "2:!a NUL byte in the text;", "a NUL byte spoils the record");
	is_str(read_all("a,b\n1,2\n3,\0\n5,6\n", 16, INPUT_AUTO, ENCODING_AUTO),
	    "2:a=1|b=2;3:!a NUL byte in the text;4:a=5|b=6;",
	    "a NUL byte between plain lines spoils its record only");
	is_str(CSV("a,b\n1,2\r3,4\n5,6\n"), "2:a=1|b=2;2:a=3|b=4;3:a=5|b=6;",
	    "a lone CR ends a record, as libcsv has it");
	is_str(CSV("a,b\n1,2\r"), "2:a=1|b=2;", "a CR at the very end");
	is_str(CSV("\xef\xbb\xbf" "a,b\r\n\"x\r\ny\",2\r\n3 , 4\r\n"),
	    "2:a=x\r\ny|b=2;4:a=3|b=4;", "a BOM, CRLF, a quoted CRLF, then a plain line");
	is_str(CSV("a,b\n \t, \n\t1\t, 2 \n"), "3:a=1|b=2;",
	    "spaces and tabs around fields are trimmed; a row of them is blank");
}

static void
test_encodings(void)
{
	/* 户主 in GB18030 is bb a7 d6 f7 */
	is_str(CSV("name\n\xbb\xa7\xd6\xf7\n"), "2:name=户主;", "GB18030 is decoded");
	is_str(CSV("\xbb\xa7\xd6\xf7\r\n1\r\n"), "2:户主=1;", "a GB18030 header");
	is_str(CSV("name\n户主\n"), "2:name=户主;", "UTF-8 is taken as it is");
	is_str(read_all("name\n\xbb\xa7\xd6\xf7\n", 10, INPUT_AUTO, ENCODING_UTF8),
	    "ERROR(65)", "--encoding utf-8 refuses GB18030 bytes");
	is_str(read_all("name\n户主\n", strlen("name\n户主\n"), INPUT_AUTO,
	    ENCODING_GB18030), "2:name=鎴蜂富;",
	    "--encoding gb18030 reads UTF-8 bytes as GB18030, as asked");
	is_str(CSV("name\nab\x80\x20\n"), "ERROR(65)", "bytes of neither encoding");
	is_str(CSV("name\n户主\n\xbb\xa7\n"), "2:name=户主;ERROR(65)",
	    "GB18030 after UTF-8 text is an error, not a guess");
	is_str(CSV("\xff\xfen\0a\0"), "ERROR(65)", "UTF-16 is refused");
	is_str(CSV("\x84\x31\x95\x33name\n\xbb\xa7\n"), "2:name=户;", "a GB18030 BOM");
	is_str(CSV("name,n\n\xbb\xa7,1\nab,2\n\xd6\xf7,3\n"),
	    "2:name=户|n=1;3:name=ab|n=2;4:name=主|n=3;",
	    "ASCII lines amid GB18030 lines");
	is_str(CSV("name,n\nab,1\n户主,2\n"), "2:name=ab|n=1;3:name=户主|n=2;",
	    "the encoding is decided on the first line that is not ASCII");
}

static void
test_json(void)
{
	is_str(CSV("[{\"a\":\"1\",\"b\":2},{\"a\":null,\"b\":true}]"),
	    "1:a=1|b=2;1:a=(null)|b=true;", "a JSON array");
	is_str(CSV("{\"a\":1}\n{\"a\":2}\n"), "1:a=1;2:a=2;", "JSON Lines");
	is_str(CSV("[\n {\"a\": 1},\n {\"a\": 2}\n]\n"), "2:a=1;3:a=2;",
	    "a pretty JSON array keeps line numbers");
	is_str(CSV("{\"c\":[\"x\",\"y\"]}\n"), "1:c=x;y;", "an array value joins with ;");
	is_str(CSV("{\"a\":1.5,\"b\":-3}\n"), "1:a=1.5|b=-3;", "numbers");
	is_str(CSV("{\"a\":\"户主\"}\n"), "1:a=户主;", "UTF-8 strings");
	is_str(CSV("{\"a\":{\"b\":1}}\n"),
	    "1:!a nested object or array where a value was expected;", "a nested object");
	is_str(CSV("{\"a\":1,,}\n{\"a\":2}\n"), "1:!not valid JSON;2:a=2;",
	    "bad JSON spoils one line only");
	is_str(CSV("[1, 2]"), "1:!each record must be a JSON object;"
	    "1:!each record must be a JSON object;", "scalars are not records");
	is_str(CSV("[{\"a\":1}"), "1:a=1;ERROR(65)", "an unclosed array");
	is_str(CSV("{\"a\":\"x}\n"), "ERROR(65)", "an unclosed string");
	is_str(CSV("[]"), "", "an empty array");
	is_str(CSV("[{\"a\":\"]\"}]"), "1:a=];", "brackets inside strings");
	is_str(CSV("[{\"a\":\"\\\"\"}]"), "1:a=\";", "escaped quotes inside strings");
	is_str(read_all("{\"a\":1}", 7, INPUT_CSV, ENCODING_AUTO), "ERROR(65)",
	    "--input-format csv reads JSON text as a (bad) CSV header");
	is_str(CSV("{\"a\":\"x\\u0000y\"}\n"), "1:!a NUL byte in the text;",
	    "a NUL escape spoils the record");
	/* the lines after the first are cut without jansson when they are flat */
	is_str(CSV("{\"a\":1}\n{ \"a\" : \"户 主\" , \"b\":-12,\"c\":null,\"d\":false }\r\n"
	    "{\"a\":0,\"b\":true}\n"),
	    "1:a=1;2:a=户 主|b=-12|c=(null)|d=false;3:a=0|b=true;",
	    "flat JSON Lines: strings, numbers, null, booleans, spaces, CRLF");
	is_str(CSV("{\"a\":1}\n{\"a\":\"x\\ty\"}\n{\"a\":1.50}\n{\"a\":1e3}\n"
	    "{\"a\":-0}\n{\"a\":1234567890123456789}\n"),
	    "1:a=1;2:a=x\ty;3:a=1.5;4:a=1000;5:a=0;6:a=1234567890123456789;",
	    "escapes, fractions, exponents, -0, 19 digits: as jansson reads them");
	is_str(CSV("{\"a\":1}\n{\"a\":1,\"a\":2}\n{\"a\":01}\n{\"a\":1} {\"a\":2}\n"
	    "{\"a\":{}}\n{}\n"),
	    "1:a=1;2:!the key appears twice in the object;3:!not valid JSON;4:a=1;4:a=2;"
	    "5:!a nested object or array where a value was expected;6:;",
	    "a name twice, a leading zero, two objects a line, nesting, {}");
	/* a key twice and a number out of range, on every path through jansson */
	is_str(CSV("[{\"a\":1,\n \"b\":2,\n \"a\":3}, {\"a\":1e400}]"),
	    "3:!the key appears twice in the object;3:!a number out of range;",
	    "a JSON array: a key twice, 1e400");
	is_str(CSV("{\"a\":1}\n{\"a\":\"x\\ty\",\"a\":2}\n"
	    "{\"a\":99999999999999999999999}\n{\"a\":1}\n"),
	    "1:a=1;2:!the key appears twice in the object;3:!a number out of range;4:a=1;",
	    "JSON Lines: a key twice, an integer out of range");
	is_str(read_all("{\"a\":1}\n{\"a\":\"x\ty\"}\n{\"a\":\"x\0\"}\n", 31,
	    INPUT_JSONL, ENCODING_AUTO),
	    "1:a=1;2:!not valid JSON;3:!not valid JSON;",
	    "control characters in a string are not JSON");
}

static void
test_missing(void)
{
	struct error err = { 0 };

	ok(reader_open("/nonexistent/file.csv", INPUT_AUTO, ENCODING_AUTO, &err) == NULL &&
	    err.status == EXIT_NOINPUT, "a missing file: status 66");
	ok(strstr(err.text, "/nonexistent/file.csv") != NULL, "the message names it");
	ok(reader_open("/tmp", INPUT_AUTO, ENCODING_AUTO, &err) == NULL &&
	    err.status == EXIT_NOINPUT, "a directory: status 66");
}

int
main(void)
{
	setenv("LANG", "C", 1);
	test_csv();
	test_encodings();
	test_json();
	test_missing();
	return done_testing();
}
