# xls_stream.py -- for the .xls tests: a workbook's bytes and its Workbook stream's BIFF records, to change in place
#
# The workbooks are written by python3-xlwt, whose Workbook stream runs on
# in sectors one after another from its first, so byte k of the stream is
# byte at(k) of the file.  python3-olefile finds that first sector.
import struct

import olefile


class Workbook:
    """An .xls read whole: data (the file's bytes) and its Workbook stream."""

    def __init__(self, path):
        self.data = bytearray(open(path, "rb").read())
        ole = olefile.OleFileIO(path)
        self.sector = ole.sectorsize
        self.start = ole.root.kids_dict["workbook"].isectStart
        self.size = ole.root.kids_dict["workbook"].size
        ole.close()

    def at(self, k):
        """Where byte k of the Workbook stream lies in the file."""
        return (self.start + 1) * self.sector + k

    def stream(self):
        """The Workbook stream's bytes."""
        return bytes(self.data[self.at(0):self.at(self.size)])

    def records(self):
        """(offset in the stream, type, length) of each BIFF record, up to the padding."""
        s = self.stream()
        k = 0
        while k + 4 <= len(s):
            t, n = struct.unpack_from("<HH", s, k)
            if t == 0:
                return
            yield k, t, n
            k += 4 + n

    def save(self, path):
        open(path, "wb").write(self.data)
