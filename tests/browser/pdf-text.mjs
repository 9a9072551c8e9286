//! The text of each page of a PDF that Chromium wrote (`page.pdf()`), for
//! tests of what is printed where: Skia's PDFs keep every object plain
//! (no object streams), each page's content one Flate stream, and each
//! font Identity-H with a ToUnicode map. Enough for those, not a PDF
//! reader: anything else it does not understand is left out.
import zlib from 'node:zlib';

/** Each page's text, in page order, words as drawn (runs joined by spaces). */
export function pdfPages(pdf) {
  const text = pdf.toString('latin1');
  const objects = new Map();
  for (const m of text.matchAll(/(\d+) 0 obj\s(.*?)endobj/gs)) objects.set(Number(m[1]), m[2]);
  const ref = (body, key) => Number(body.match(new RegExp(`/${key} (\\d+) 0 R`))?.[1]);
  const stream = (n) => {
    const body = objects.get(n) ?? '';
    const start = body.indexOf('stream') + 'stream'.length;
    let data = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    if (data[0] === 0x0d) data = data.subarray(1);
    if (data[0] === 0x0a) data = data.subarray(1);
    return (/\/FlateDecode/.test(body.slice(0, start)) ? zlib.inflateSync(data) : data).toString('latin1');
  };
  // ToUnicode: glyph id (hex) → text.
  const unicode = (n) => {
    const map = new Map();
    const cmap = stream(n);
    const utf16 = (hex) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
    for (const block of cmap.matchAll(/beginbfchar(.*?)endbfchar/gs)) {
      for (const [, from, to] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(from, 16), utf16(to));
    }
    for (const block of cmap.matchAll(/beginbfrange(.*?)endbfrange/gs)) {
      for (const [, lo, hi, to] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const base = parseInt(to, 16);
        for (let g = parseInt(lo, 16); g <= parseInt(hi, 16); g++) {
          map.set(g, String.fromCodePoint(base + g - parseInt(lo, 16)));
        }
      }
    }
    return map;
  };
  // Pages in order, through the page tree.
  const pages = [];
  const walk = (n) => {
    const body = objects.get(n) ?? '';
    if (/\/Type \/Pages/.test(body)) {
      for (const [, kid] of (body.match(/\/Kids \[([^\]]*)\]/)?.[1] ?? '').matchAll(/(\d+) 0 R/g)) walk(Number(kid));
    } else pages.push(body);
  };
  const catalog = [...objects.values()].find((b) => /\/Type \/Catalog/.test(b)) ?? '';
  walk(ref(catalog, 'Pages'));
  return pages.map((page) => {
    const fonts = new Map();
    for (const [, name, n] of (page.match(/\/Font <<(.*?)>>/s)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const cmap = ref(objects.get(Number(n)) ?? '', 'ToUnicode');
      fonts.set(name, Number.isNaN(cmap) ? new Map() : unicode(cmap));
    }
    const contents = page.match(/\/Contents (?:(\d+) 0 R|\[([^\]]*)\])/);
    const streams = contents?.[1] ? [Number(contents[1])] : [...(contents?.[2] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    let font = new Map();
    const runs = [];
    for (const content of streams.map(stream)) {
      for (const block of content.matchAll(/BT(.*?)ET/gs)) {
        let run = '';
        for (const op of block[1].matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|\[([^\]]*)\] TJ/g)) {
          if (op[1]) font = fonts.get(op[1]) ?? new Map();
          const hexes = op[2] !== undefined ? [op[2]] : [...(op[3] ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]);
          for (const hex of hexes) {
            for (let i = 0; i + 4 <= hex.length; i += 4) run += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
          }
        }
        if (run) runs.push(run);
      }
    }
    return runs.join(' ');
  });
}
