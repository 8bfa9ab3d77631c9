# xlsx_variant.py -- for the workbook tests: an .xlsx rewritten as other producers write theirs
#
# Usage: python3 tests/xlsx_variant.py IN OUT-PREFIX WHAT...
# writes OUT-PREFIXWHAT.xlsx for each WHAT, the workbook IN (openpyxl's,
# through scripts/gen-workbook) with the same cells written as:
#   prefixed      OpenXML SDK, ClosedXML: every SpreadsheetML element x:-prefixed
#   absolute      relationship targets absolute (/xl/worksheets/sheet1.xml)
#   parent        the workbook's targets relative through ../ (../xl/styles.xml)
#   case          part names in other case than their relationships say
#   no-refs       rows and cells without r (POI's and some exporters'): every
#                 cell written, the empty ones as <c/>, every row as <row/>
#   inline        no shared strings part: every string inline (<is>), rich
#                 runs and phonetic runs kept
#   str           every string a formula's text result (t="str")
#   empty-v       every empty cell with an empty <v/>
#   no-dimension  no <dimension>
#   dimension-a1  <dimension ref="A1"/> whatever the sheet holds
#   strict        Strict Open XML: the namespaces under http://purl.oclc.org/ooxml/
# Only the Python standard library is used.
import re, sys, zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def column(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group():
        n = n * 26 + ord(ch) - 64
    return n


def dense(xml):
    """Every row and cell written, without r: gaps filled with <row/> and <c/>."""
    def cells(m):
        row, body = m.group(1), m.group(2)
        out, col = [], 1
        for c in re.finditer(r"<c\b([^>]*?)(/>|>.*?</c>)", body, re.S):
            at = column(re.search(r'\br="([A-Z]+)\d+"', c.group(1)).group(1))
            out += ["<c/>"] * (at - col)
            col = at + 1
            out.append("<c" + re.sub(r'\s+r="[A-Z]+\d+"', "", c.group(1)) + c.group(2))
        return row, "".join(out)

    rows, at = [], 1
    for m in re.finditer(r"<row\b([^>]*?)(?:/>|>(.*?)</row>)", xml, re.S):
        n = int(re.search(r'\br="(\d+)"', m.group(1)).group(1))
        rows += ["<row/>"] * (n - at)
        at = n + 1
        attrs = re.sub(r'\s+r="\d+"', "", m.group(1))
        if m.group(2) is None:
            rows.append("<row%s/>" % attrs)
        else:
            rows.append("<row%s>%s</row>" % (attrs, cells(m)[1]))
    start = xml.index("<sheetData>") + len("<sheetData>")
    end = xml.index("</sheetData>")
    return xml[:start] + "".join(rows) + xml[end:]


def rewrite(parts, what):
    """parts (name: text) rewritten as what says."""
    sheets = [n for n in parts if re.match(r"xl/worksheets/sheet\d+\.xml$", n)]
    book = [n for n in parts if n.startswith("xl/") and n.count("/") == 1 and
            ("<workbook" in parts[n] or "<styleSheet" in parts[n] or "<sst" in parts[n])] + sheets
    if what == "prefixed":
        # OpenXML SDK and ClosedXML: every element of SpreadsheetML as x:
        for n in book:
            x = re.sub(r"<(/?)([A-Za-z]\w*)(?=[\s>/])", r"<\1x:\2", parts[n])
            parts[n] = x.replace('xmlns="%s"' % MAIN, 'xmlns:x="%s"' % MAIN)
    elif what == "absolute":
        for n in parts:
            if n.endswith(".rels"):
                base = "/xl/" if n.startswith("xl/") else "/"
                parts[n] = re.sub(r'Target="(?!/)([^"]+)"',
                                  lambda m: 'Target="%s%s"' % (base, m.group(1)), parts[n])
    elif what == "parent":
        n = "xl/_rels/workbook.xml.rels"
        parts[n] = re.sub(r'Target="(?!/)([^"]+)"', r'Target="../xl/\1"', parts[n])
    elif what == "case":
        parts = {(re.sub(r"sheet(\d)", r"Sheet\1", n).replace("sharedStrings", "SharedStrings")
                  if n.startswith("xl/") and not n.endswith(".rels") else n): d
                 for n, d in parts.items()}
    elif what == "no-refs":
        for n in sheets:
            parts[n] = dense(parts[n])
    elif what == "inline":
        # no shared strings part at all: every string inline, rich runs kept
        sst = parts.pop("xl/sharedStrings.xml")
        items = re.findall(r"<si>(.*?)</si>", sst, re.S)
        for n in sheets:
            parts[n] = re.sub(r'<c([^>]*?) t="s"([^>]*)><v>(\d+)</v></c>',
                              lambda m: '<c%s t="inlineStr"%s><is>%s</is></c>' % (
                                  m.group(1), m.group(2), items[int(m.group(3))]), parts[n])
        for n in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            parts[n] = re.sub(r"<(Relationship|Override)\b[^>]*sharedStrings[^>]*/>", "", parts[n])
    elif what in ("str", "inline-v"):
        # str: strings as formulas with their text result saved;
        # inline-v: inline strings with their text in <v>, not in <is><t>,
        # as some exporters write them against the standard
        sst = parts.pop("xl/sharedStrings.xml") if what == "inline-v" else parts["xl/sharedStrings.xml"]
        items = ["".join(re.findall(r"<t[^>]*>(.*?)</t>", re.sub(r"<rPh\b.*?</rPh>", "", i, flags=re.S), re.S))
                 for i in re.findall(r"<si>(.*?)</si>", sst, re.S)]
        cell = ('<c%s t="str"%s><f>TRIM(A1)</f><v>%s</v></c>' if what == "str" else
                '<c%s t="inlineStr"%s><v>%s</v></c>')
        for n in sheets:
            parts[n] = re.sub(r'<c([^>]*?) t="s"([^>]*)><v>(\d+)</v></c>',
                              lambda m: cell % (m.group(1), m.group(2), items[int(m.group(3))]), parts[n])
        if what == "inline-v":
            for n in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                parts[n] = re.sub(r"<(Relationship|Override)\b[^>]*sharedStrings[^>]*/>", "", parts[n])
    elif what == "empty-v":
        for n in sheets:
            parts[n] = re.sub(r'<c([^>]*?)/>', r'<c\1><v/></c>', parts[n])
    elif what == "no-dimension":
        for n in sheets:
            parts[n] = re.sub(r"<dimension[^>]*/>", "", parts[n])
    elif what == "dimension-a1":
        for n in sheets:
            parts[n] = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1"/>', parts[n])
    elif what == "strict":
        for n in parts:
            parts[n] = (parts[n]
                        .replace(MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main")
                        .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                 "http://purl.oclc.org/ooxml/officeDocument/relationships"))
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
            "<workbook ", '<workbook conformance="strict" ')
    else:
        raise SystemExit("unknown variant " + what)
    return parts


src, prefix = sys.argv[1:3]
with zipfile.ZipFile(src) as z:
    original = {n: z.read(n).decode() for n in z.namelist()}
for what in sys.argv[3:]:
    parts = rewrite(dict(original), what)
    with zipfile.ZipFile(prefix + what + ".xlsx", "w", zipfile.ZIP_DEFLATED) as w:
        for n, d in parts.items():
            w.writestr(n, d)
