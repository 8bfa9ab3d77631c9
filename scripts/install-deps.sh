#!/bin/sh
# install-deps.sh -- install the Debian packages renke needs to build, test and run
#
# Usage: scripts/install-deps.sh [--check] [--bench] [--browser]
#   --check    only report what is missing; exit 1 if anything is
#   --bench    also the benchmark anchors (miller; csvkit's in2csv for workbooks)
#   --browser  also chromium and CJK fonts, for the HTML report test
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -u

check_only=0
extra=""
for arg in "$@"; do
	case $arg in
	--check) check_only=1 ;;
	--bench) extra="$extra miller" ;;
	--browser) extra="$extra chromium fonts" ;;
	*) echo "usage: $0 [--check] [--bench] [--browser]" >&2; exit 64 ;;
	esac
done

missing=""
need_pkg() {	# need_pkg PACKAGE TEST...: PACKAGE is missing when TEST fails
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then
		missing="$missing $pkg"
	fi
}
have_header() { [ -f "/usr/include/$1" ] || [ -f "/usr/include/$(gcc -dumpmachine 2>/dev/null)/$1" ]; }

need_pkg gcc command -v cc
need_pkg make command -v make
need_pkg pkgconf command -v pkg-config
need_pkg libsqlite3-dev have_header sqlite3.h
need_pkg sqlite3 command -v sqlite3
need_pkg libjansson-dev have_header jansson.h
need_pkg libcsv-dev have_header csv.h
need_pkg libzip-dev have_header zip.h
need_pkg libexpat1-dev have_header expat.h
need_pkg libfreexl-dev have_header freexl.h
need_pkg libxlsxwriter-dev have_header xlsxwriter.h
need_pkg zlib1g-dev have_header zlib.h
need_pkg mandoc command -v mandoc
need_pkg gettext command -v msgfmt
need_pkg perl command -v prove
need_pkg jq command -v jq
need_pkg python3 command -v python3
# the tests make and check workbooks with an independent writer and reader
need_pkg python3-openpyxl /usr/bin/python3 -c 'import openpyxl'
need_pkg python3-xlwt /usr/bin/python3 -c 'import xlwt'
need_pkg python3-olefile /usr/bin/python3 -c 'import olefile'
need_pkg locales test -f /usr/share/i18n/SUPPORTED
for p in $extra; do
	case $p in
	miller) need_pkg miller command -v mlr; need_pkg time test -x /usr/bin/time
		need_pkg csvkit command -v in2csv ;;
	chromium) need_pkg chromium command -v chromium ;;
	fonts) need_pkg fonts-noto-cjk test -d /usr/share/fonts/opentype/noto ;;
	esac
done

has_locale() { locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$'; }
need_locale=0
has_locale || need_locale=1

if [ -z "$missing" ] && [ $need_locale -eq 0 ]; then
	exit 0
fi
if [ $check_only -eq 1 ]; then
	[ -n "$missing" ] && echo "missing packages:$missing" >&2
	[ $need_locale -eq 1 ] && echo "missing locale: zh_CN.UTF-8" >&2
	exit 1
fi

cmd_pkgs="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends$missing"
cmd_locale="sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen && (grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen) && locale-gen"
if [ "$(id -u)" -ne 0 ]; then
	echo "renke needs packages or a locale that are not installed. As root, run:" >&2
	[ -n "$missing" ] && echo "  $cmd_pkgs" >&2
	[ $need_locale -eq 1 ] && echo "  $cmd_locale" >&2
	exit 1
fi
if [ -n "$missing" ]; then
	echo "installing:$missing" >&2
	sh -c "$cmd_pkgs" >&2 || exit 1
fi
if [ $need_locale -eq 1 ]; then
	echo "generating locale zh_CN.UTF-8" >&2
	sh -c "$cmd_locale" >&2 || exit 1
fi
exit 0
