# Extracts one novel from the R package janeaustenr (Debian r-cran-janeaustenr) as plain text, one line per line.
# The package's data/Rdata.rdx (gzip) indexes Rdata.rdb; each entry there is a 4-byte length plus a zlib stream
# holding one object in R's XDR serialization: here a character vector (STRSXP) of the book's lines.
import gzip, struct, sys, zlib

class Reader:
    def __init__(self, data): self.data, self.pos, self.symbols = data, 0, []
    def int(self):
        value = struct.unpack_from(">i", self.data, self.pos)[0]; self.pos += 4; return value
    def header(self):
        assert self.data[:2] == b"X\n", "not R XDR serialization"; self.pos = 2
        version = self.int(); self.int(); self.int()
        if version == 3: n = self.int(); self.pos += n       # skip the native encoding name
    def obj(self):
        flags = self.int(); kind = flags & 0xFF
        has_attr, has_tag = flags & (1 << 9), flags & (1 << 10)
        if kind == 254: return None                          # R NULL
        if kind == 9:                                        # CHARSXP: one string
            n = self.int()
            if n == -1: return None
            text = self.data[self.pos:self.pos + n].decode("utf-8"); self.pos += n; return text
        if kind == 1: self.symbols.append(self.obj()); return self.symbols[-1]   # symbol: its name
        if kind == 255: return self.symbols[(flags >> 8) - 1]  # reference to an earlier symbol
        if kind == 2:                                        # pairlist (attributes)
            if has_attr: self.obj()
            tag = self.obj() if has_tag else None
            head = (tag, self.obj()); rest = self.obj()
            return [head] + (rest or [])
        n = self.int()
        if kind in (16, 19): value = [self.obj() for _ in range(n)]   # character vector, list
        elif kind in (10, 13): value = list(struct.unpack_from(">%di" % n, self.data, self.pos)); self.pos += 4 * n
        else: raise ValueError(f"unsupported R type {kind}")
        if has_attr: value = (value, self.obj())
        return value

def read(data):
    reader = Reader(data); reader.header(); return reader.obj()

folder, name = sys.argv[1], sys.argv[2]
index = read(gzip.decompress(open(folder + "/Rdata.rdx", "rb").read()))
(variables, attrs) = index[0][0]                             # list of (offset, length), named
names = dict(attrs)["names"]
offset, length = variables[names.index(name)][0] if isinstance(variables[0], tuple) else variables[names.index(name)]
blob = open(folder + "/Rdata.rdb", "rb").read()[offset:offset + length]
size = struct.unpack(">I", blob[:4])[0]
data = zlib.decompress(blob[4:]); assert len(data) == size
lines = read(data)
if isinstance(lines, tuple): lines = lines[0]
sys.stdout.write("\n".join(line or "" for line in lines) + "\n")
