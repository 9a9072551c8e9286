//! The features table (src/ui/features.json) read and checked: which wasm
//! modules load lazily, when, their source files, style sheets, scripts and
//! pack. The build, the first-download guard and the benchmark all read it
//! through here; tests/features_table.rs checks it against the code.
import fs from 'node:fs';
import path from 'node:path';
import { fail } from './step.mjs';

/** Where the table is, from the repository's root. */
export const TABLE = 'src/ui/features.json';

/** The moments a module's code may be fetched (`fetched`). */
export const FETCHED = [
  'on request',
  'after the first paint',
  'after the list is painted',
  'prefetched after the list is painted',
  'prefetched after the start page is painted',
];

/** A regular expression for a glob: `**` any depth (none too, before a slash), `*` and `?` within a folder. */
export function globRegex(pattern) {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Every file under `dir` (absolute), as paths from `root` with "/". */
function walk(root, dir) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(root, full);
    return e.isFile() ? [path.relative(root, full).split(path.sep).join('/')] : [];
  });
}

/** The files matching `pattern` (a path or glob from `root`), sorted. */
export function glob(root, pattern) {
  const parts = pattern.split('/');
  const fixed = [];
  while (parts.length && !/[*?]/.test(parts[0])) fixed.push(parts.shift());
  const base = path.join(root, ...fixed);
  if (!parts.length) return fs.existsSync(base) && fs.statSync(base).isFile() ? [pattern] : [];
  const re = globRegex(pattern);
  return walk(root, base).filter((f) => re.test(f)).sort();
}

/**
 * The table, checked, with its globs resolved against the files in `root`:
 * { modules: [{ name, what, fetched, pack, files, styles, scripts,
 * namedByFirst }], first: { styles, doors }, laterOnly, pack (the module
 * with a pack, or null), lazyFiles (every source file fetched later),
 * siteFiles ([{ from, name }]: style sheets and scripts copied into the
 * site) }. Every problem is named with its entry; any problem stops.
 * (`text`: the table's text, if not the file's.)
 */
export function readFeatures(root, text = undefined) {
  let table;
  try {
    table = JSON.parse(text ?? fs.readFileSync(path.join(root, TABLE), 'utf8'));
  } catch (error) {
    fail(`${TABLE} cannot be read: ${error.message}`, `fix ${TABLE} (JSON; its "about" says what each member means).`);
  }
  const problems = [];
  const files = (at, patterns, ext) => {
    if (!Array.isArray(patterns) || patterns.some((p) => typeof p !== 'string')) {
      problems.push(`${at}: a list of paths is expected`);
      return [];
    }
    return patterns.flatMap((p) => {
      const found = glob(root, p).filter((f) => f.endsWith(ext));
      if (!found.length) problems.push(`${at}: "${p}" matches no ${ext} file`);
      return found;
    });
  };

  const modules = (Array.isArray(table.modules) ? table.modules : []).map((m, i) => {
    const at = `modules[${i}]${typeof m?.name === 'string' ? ` (${m.name})` : ''}`;
    if (typeof m?.name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(m.name)) problems.push(`${at}: "name" must be the #[wasm_split] name (lower case, digits, _)`);
    if (!FETCHED.includes(m?.fetched)) problems.push(`${at}: "fetched" must be one of: ${FETCHED.map((f) => `"${f}"`).join(', ')}`);
    if (m?.pack !== undefined && !/^#[a-z]+$/.test(m.pack)) problems.push(`${at}: "pack" must be a URL fragment such as "#patient"`);
    const named = m?.named_by_first ?? [];
    if (!Array.isArray(named) || named.some((n) => typeof n !== 'string' || !/^crate(::\w+)+$/.test(n))) problems.push(`${at}: "named_by_first" must list paths such as "crate::ui::tools::Tool"`);
    return {
      name: m?.name,
      what: typeof m?.what === 'string' ? m.what : m?.name,
      fetched: m?.fetched,
      pack: m?.pack ?? null,
      files: files(`${at} files`, m?.files, '.rs'),
      styles: files(`${at} styles`, m?.styles ?? [], '.css'),
      scripts: files(`${at} scripts`, m?.scripts ?? [], '.js'),
      namedByFirst: Array.isArray(named) ? named : [],
    };
  });
  if (!modules.length) problems.push('"modules" must list the lazily loaded modules');
  const names = modules.map((m) => m.name);
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) problems.push(`the module "${name}" is listed twice`);
  const packs = modules.filter((m) => m.pack);
  if (packs.length > 1) problems.push(`only one module may have a pack: ${packs.map((m) => m.name).join(', ')} do`);

  const first = {
    styles: files('first.styles', table.first?.styles, '.css'),
    doors: files('first.doors', table.first?.doors, '.rs'),
  };
  const laterOnly = files('later_only', table.later_only ?? [], '.rs');

  // A source file belongs to one place at most.
  const owner = new Map();
  for (const [who, list] of [['first.doors', first.doors], ...modules.map((m) => [`module ${m.name}`, m.files]), ['later_only', laterOnly]]) {
    for (const f of list) {
      if (owner.has(f) && owner.get(f) !== who) problems.push(`${f} is in both ${owner.get(f)} and ${who}`);
      owner.set(f, who);
    }
  }
  // Copied into the site under their file names, which must not collide.
  const siteFiles = [];
  for (const from of [...new Set(modules.flatMap((m) => [...m.styles, ...m.scripts]))]) {
    const name = path.posix.basename(from);
    const clash = siteFiles.find((f) => f.name === name);
    if (clash) problems.push(`${clash.from} and ${from} would both be ${name} in the site`);
    siteFiles.push({ from, name });
  }

  if (problems.length) fail(`${TABLE} has problems:\n    ${problems.join('\n    ')}`, `fix ${TABLE} (its "about" says what each member means).`);
  return {
    modules,
    first,
    laterOnly,
    pack: packs[0] ?? null,
    lazyFiles: [...modules.flatMap((m) => m.files), ...laterOnly],
    siteFiles,
  };
}

/** A style sheet's name for src/ui/js.rs's ensure_style (its file name without `.css`). */
export const sheetName = (file) => path.posix.basename(file, '.css');
