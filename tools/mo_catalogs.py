"""Reading the translated messages of the gettext catalogues installed under /usr/share/locale (a probe's clean text).

Shared by tools/probe-clean-catalogs.py and tools/probe-latin-capitals.py. Every plural form's lines, stripped; a line
holding U+FFFD (a few catalogues carry a damaged message) or a control character is not clean text and is left out,
and so is a message that is not valid UTF-8.
"""
import glob, struct, unicodedata


def catalogue_lines(path, keep=lambda line: True):
    """The clean translated lines of one .mo file that keep(line) accepts, in file order (duplicates kept)."""
    data = open(path, 'rb').read()
    magic = struct.unpack('<I', data[:4])[0]
    end = '<' if magic == 0x950412de else '>'
    n, orig, trans = struct.unpack(end + 'III', data[8:20])
    out = []
    for i in range(n):
        length, offset = struct.unpack(end + 'II', data[trans + 8 * i:trans + 8 * i + 8])
        try:
            text = data[offset:offset + length].decode('utf-8', 'strict')
        except UnicodeDecodeError:
            continue
        for form in text.split('\x00'):
            for line in form.split('\n'):
                line = line.strip()
                if line and '\ufffd' not in line and not any(unicodedata.category(c) == 'Cc' for c in line) and keep(line):
                    out.append(line)
    return out


def language_lines(lang, keep=lambda line: True):
    """The sorted distinct clean lines of every catalogue of lang (a catalogue that cannot be read is skipped)."""
    out = set()
    for path in sorted(glob.glob(f'/usr/share/locale/{lang}/LC_MESSAGES/*.mo')):
        try:
            out.update(catalogue_lines(path, keep))
        except Exception:
            continue
    return sorted(out)
