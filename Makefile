# Makefile -- build, test, benchmark, demonstrate and install renke
#
#   make            build every command into bin/ (installs nothing;
#                   scripts/install-deps.sh --check says what is missing)
#   make check      install what the tests need, build with -Werror, run
#                   the tests, then again under AddressSanitizer and
#                   UndefinedBehaviorSanitizer
#   make demo       import the example township into ./renke.db and show it
#   make bench      run the benchmarks against their anchors
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions

CC ?= cc
PKGS = sqlite3 jansson libzip expat freexl xlsxwriter zlib
# -Werror is for `make check` and developers (make WERROR=-Werror), not
# for someone building with a newer compiler
WERROR ?=
WARN = -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-unused-parameter -Wno-missing-field-initializers
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -pthread $(WARN) $(CPPFLAGS) $(CFLAGS) \
	-Ilib -Icmd -DLOCALEDIR='"$(LOCALEDIR)"' \
	-DLOCALEDIR_FROM_BIN='"$(LOCALEDIR_FROM_BIN)"' $(PKG_CFLAGS)
# where an installed command finds its catalogs, from its own directory
LOCALEDIR_FROM_BIN = $(shell realpath -m --relative-to=$(BINDIR) $(LOCALEDIR))
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null || \
	echo -lsqlite3 -ljansson -lzip -lexpat -lfreexl -lxlsxwriter -lz)
LIBS = $(PKG_LIBS) -lcsv -lm -pthread

# the sanitizer build lives in its own tree
B ?= build
BIN ?= bin
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

# one line per part of the campaign, so that each grows on its own
COMMANDS_HOUSEHOLDS = household-add household-list place-edit household-edit
COMMANDS_LEDGER = issue-add issue-update meeting-log meeting-edit deadline-check report-gen
COMMANDS_VISITS = visit-log visit-edit milestone-add
COMMANDS_CASES = case-open case-step
COMMANDS_RULES = rule-step
COMMANDS_MODELS = honour-add board-step
COMMANDS_MISCONDUCT = misconduct-step
COMMANDS_SURVEYS = survey-tally
COMMANDS_PEOPLE = member-add assign support-log returnee-log county-set care-log
COMMANDS = $(COMMANDS_HOUSEHOLDS) $(COMMANDS_LEDGER) $(COMMANDS_VISITS) \
	$(COMMANDS_SURVEYS) $(COMMANDS_PEOPLE) $(COMMANDS_CASES) \
	$(COMMANDS_RULES) $(COMMANDS_MODELS) $(COMMANDS_MISCONDUCT)
LIB_SRC = $(wildcard lib/*.c)
LIB_OBJ = $(LIB_SRC:lib/%.c=$(B)/lib/%.o) $(B)/lib/schema.o
CLI_OBJ = $(B)/cmd/cli.o $(B)/cmd/cli-options.o $(B)/cmd/cli-input.o \
	$(B)/cmd/cli-import.o $(B)/cmd/cli-help.o $(B)/cmd/help.o
UNIT_TESTS = $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/*.c))
MAN1 = $(COMMANDS:%=man/man1/%.1)
MAN5 = man/man5/renke-store.5
MAN7 = man/man7/renke.7
# the same pages in Chinese, installed under $(MANDIR)/zh_CN
MAN_ZH = $(wildcard man/zh_CN/man[157]/*.[157])
PO = $(wildcard po/*.po)
MO = $(PO:po/%.po=$(B)/locale/%/LC_MESSAGES/renke.mo)

.SECONDARY:
.PHONY: all build deps deps-check check test lint-man demo bench fuzz install install-built clean pot

all: build

build: $(COMMANDS:%=$(BIN)/%) $(UNIT_TESTS) $(MO)

deps:
	@sh scripts/install-deps.sh

# what `make check` needs besides: Chromium for the browser test
deps-check:
	@sh scripts/install-deps.sh --browser

$(B)/lib $(B)/cmd $(B)/tests $(BIN):
	@mkdir -p $@

$(B)/lib/%.o: lib/%.c lib/*.h | $(B)/lib
	@echo "CC $@"; $(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/lib/schema.c: lib/schema.sql scripts/embed-sql | $(B)/lib
	@sh scripts/embed-sql renke_schema_sql < lib/schema.sql > $@

$(B)/lib/schema.o: $(B)/lib/schema.c
	@echo "CC $@"; $(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/librenke.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $(LIB_OBJ)

$(B)/cmd/%.o: cmd/%.c cmd/*.h lib/*.h | $(B)/cmd
	@echo "CC $@"; $(CC) $(ALL_CFLAGS) -c -o $@ $<

# the option lines of -h, from the man pages' option lists
$(B)/cmd/help.c: $(MAN1) $(MAN7) $(MAN_ZH) scripts/embed-help | $(B)/cmd
	@cd $(B)/cmd && sh $(CURDIR)/scripts/embed-help $(MAN1:%=$(CURDIR)/%) \
		$(MAN7:%=$(CURDIR)/%) > help.c.new && mv help.c.new help.c

$(B)/cmd/help.o: $(B)/cmd/help.c cmd/help.h
	@echo "CC $@"; $(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BIN)/%: $(B)/cmd/%.o $(CLI_OBJ) $(B)/librenke.a | $(BIN)
	@echo "CC $@"; $(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(CLI_OBJ) \
		$(B)/librenke.a $(LIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/tap.h $(B)/librenke.a | $(B)/tests
	@echo "CC $@"; $(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/unit -o $@ $< \
		$(B)/librenke.a $(LIBS)

$(B)/locale/%/LC_MESSAGES/renke.mo: po/%.po
	@mkdir -p $(dir $@)
	@msgfmt --check -o $@ $<

# the tests: once as built, once under the sanitizers.  prove runs the
# command tests (tests/t*.sh) and the unit test programs, which speak TAP
# themselves, from this directory: the slowest files first, so that the
# run does not end with one core idle on a long file, then the others in
# order.  Each run starts with no store shared between its files
# (tests/lib.sh, shared_store_cache), so a rebuilt command never meets one
# an older build made.
PROVE = TZ=Asia/Shanghai LC_ALL=C.UTF-8 prove -j2
SLOW_TESTS = t0610-load t0810-zh-scan t0620-faults t0700-report-gen \
	t0630-security t0819-summary-width t0720-report-browser \
	t0900-man-examples t0400-issue-add t0832-man-zh-examples \
	t0731-report-history t0420-meeting-log t0910-bench-scripts
TESTS = $(filter $(wildcard tests/t*.sh),$(SLOW_TESTS:%=tests/%.sh)) \
	$(filter-out $(SLOW_TESTS:%=tests/%.sh),$(wildcard tests/t*.sh))
# the builds of check use every core unless make was given -j already
JOBS = $(if $(findstring -j,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 1))
check: deps-check lint-man
	@$(MAKE) --no-print-directory $(JOBS) WERROR=-Werror build
	@$(MAKE) --no-print-directory $(JOBS) WERROR=-Werror B=build/san BIN=build/san/bin \
		CFLAGS='$(SAN_FLAGS)' build
	@echo '# plain build'
	@rm -rf build/test-cache
	@RENKE_BUILD=build RENKE_BIN=bin RENKE_LOCALEDIR=build/locale \
		$(PROVE) $(TESTS) $(UNIT_TESTS)
	@echo '# AddressSanitizer and UndefinedBehaviorSanitizer build'
	@rm -rf build/san/test-cache
	@RENKE_BUILD=build/san RENKE_BIN=build/san/bin \
		RENKE_LOCALEDIR=build/san/locale \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		$(PROVE) $(TESTS) $(UNIT_TESTS:build/%=build/san/%)

test: build lint-man
	@rm -rf $(B)/test-cache
	@RENKE_BUILD=$(B) RENKE_BIN=$(BIN) RENKE_LOCALEDIR=$(B)/locale \
		$(PROVE) $(TESTS) $(UNIT_TESTS)

# mandoc's lint, and for the Chinese pages what it cannot see
# (scripts/lint-man-zh: Chinese punctuation as a macro argument or inside an enclosure)
lint-man:
	@for m in $(MAN1) $(MAN5) $(MAN7) $(MAN_ZH); do mandoc -Tlint -Wwarning $$m || exit 1; done
	@sh scripts/lint-man-zh $(MAN_ZH)

demo: deps
	@$(MAKE) --no-print-directory build
	@sh examples/demo.sh

bench: build
	@sh scripts/bench.sh

pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kNC_:1c,2 -kdngettext:2,3 -o po/renke.pot \
		lib/*.c cmd/*.c

# install what `make` built (run `make` first, or `make install` does it)
# install what is built (install-built: without building it first, as
# the tests install the tree they test)
install: build
	@$(MAKE) --no-print-directory install-built

install-built:
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(COMPLETIONDIR)
	for c in $(COMMANDS); do install -m 755 $(BIN)/$$c $(DESTDIR)$(BINDIR)/$$c; done
	install -m 755 scripts/deadline-mail $(DESTDIR)$(BINDIR)/deadline-mail
	install -m 644 scripts/renke-completion.bash $(DESTDIR)$(COMPLETIONDIR)/renke
	for c in $(COMMANDS); do ln -sf renke $(DESTDIR)$(COMPLETIONDIR)/$$c; done
	for m in $(MAN1); do install -m 644 $$m $(DESTDIR)$(MANDIR)/man1/; done
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	for m in $(MAN_ZH); do \
		d=$(DESTDIR)$(MANDIR)/zh_CN/$${m#man/zh_CN/}; d=$${d%/*}; \
		mkdir -p $$d && install -m 644 $$m $$d/ || exit 1; \
	done
	for mo in $(MO); do \
		l=$${mo#$(B)/locale/}; l=$${l%%/*}; \
		mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/renke.mo; \
	done

clean:
	rm -rf build bin

# fuzzing: one libFuzzer target per parser, fuzz/TARGET.c.  make fuzz
# builds them with clang against lib/ compiled for them in build/fuzz/,
# runs each for FUZZ_SECONDS on a copy of its corpus (build/fuzz/corpus/)
# and keeps each input that crashes one in fuzz/crashes/TARGET/.  make
# fuzz-regressions builds $(B)/fuzz-run/TARGET, the same target with a
# plain main() (fuzz/run-one.c) that runs it on the files it is given.
FUZZ_TARGETS = fuzz-csv fuzz-json fuzz-date fuzz-id fuzz-encoding fuzz-xlsx fuzz-cfb fuzz-xls
FUZZ_SECONDS ?= 60
FUZZ_CC = clang
FUZZ_SAN = -fno-sanitize-recover=all
FUZZ_LIB_CFLAGS = -std=c11 -D_GNU_SOURCE -g -O1 \
	-fsanitize=fuzzer-no-link,address,undefined $(FUZZ_SAN) -Ilib \
	-DLOCALEDIR='"$(LOCALEDIR)"' $(PKG_CFLAGS)
FUZZ_OBJ = $(LIB_SRC:lib/%.c=build/fuzz/lib/%.o) build/fuzz/lib/schema.o

.PHONY: fuzz fuzz-regressions

fuzz: $(FUZZ_TARGETS:%=build/fuzz/%)
	@status=0; for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus/$$t fuzz/crashes/$$t || exit 1; \
		cp fuzz/corpus/$$t/* build/fuzz/corpus/$$t/ || exit 1; \
		echo "# $$t: $(FUZZ_SECONDS) seconds, log in build/fuzz/$$t.log"; \
		build/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) \
			-print_final_stats=1 -artifact_prefix=fuzz/crashes/$$t/ \
			build/fuzz/corpus/$$t >build/fuzz/$$t.log 2>&1; \
		rc=$$?; \
		grep -E '^#[0-9]+.*(INITED|DONE)|^stat::number_of_executed_units|^SUMMARY|Test unit written' \
			build/fuzz/$$t.log; \
		if [ $$rc -ne 0 ]; then \
			echo "# $$t: CRASHED; the input is kept in fuzz/crashes/$$t/"; \
			status=1; \
		fi; \
	done; exit $$status

build/fuzz/lib:
	@mkdir -p $@

build/fuzz/lib/%.o: lib/%.c lib/*.h | build/fuzz/lib
	@echo "CLANG $@"; $(FUZZ_CC) $(FUZZ_LIB_CFLAGS) -c -o $@ $<

build/fuzz/lib/schema.o: $(B)/lib/schema.c | build/fuzz/lib
	@echo "CLANG $@"; $(FUZZ_CC) $(FUZZ_LIB_CFLAGS) -c -o $@ $<

build/fuzz/librenke.a: $(FUZZ_OBJ)
	@rm -f $@
	@ar rcs $@ $(FUZZ_OBJ)

$(FUZZ_TARGETS:%=build/fuzz/%): build/fuzz/%: fuzz/%.c fuzz/*.h lib/*.h \
		build/fuzz/librenke.a
	@echo "CLANG $@"; $(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined \
		$(FUZZ_SAN) -Ilib -std=c11 -D_GNU_SOURCE $(PKG_CFLAGS) -o $@ $< \
		build/fuzz/librenke.a $(LIBS)

fuzz-regressions: $(FUZZ_TARGETS:%=$(B)/fuzz-run/%)

$(B)/fuzz-run:
	@mkdir -p $@

$(FUZZ_TARGETS:%=$(B)/fuzz-run/%): $(B)/fuzz-run/%: fuzz/%.c fuzz/run-one.c \
		fuzz/*.h lib/*.h $(B)/librenke.a | $(B)/fuzz-run
	@echo "CC $@"; $(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< fuzz/run-one.c \
		$(B)/librenke.a $(LIBS)
