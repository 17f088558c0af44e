/**
 * `ignorePatterns` in .referat.json: files that are not minutes (documentation, notes,
 * templates), relative to the folder of the .referat.json. They are not checked by
 * `referat check` and not squiggled in the editor. Glob syntax as in .gitignore, reduced:
 * `*` within a path segment, `**` across segments, `?` one character; a pattern without a
 * slash matches the file name in any folder ("README.md"), a pattern ending in "/" or
 * naming a folder matches everything under it ("docs/", "docs").
 */
const cache = new Map<string, RegExp>();

/** True when `relativePath` (with "/" separators, relative to the .referat.json's folder) matches one of the patterns. */
export function matchesIgnorePattern(relativePath: string, patterns: readonly string[]): boolean {
  const file = relativePath.split('\\').join('/').replace(/^\.\//, '');
  if (file.startsWith('../')) return false;
  return patterns.some((p) => patternRegExp(p).test(file));
}

function patternRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re) return re;
  let p = pattern.trim().split('\\').join('/').replace(/^\.\//, '');
  const anchored = p.startsWith('/') || p.replace(/\/$/, '').includes('/');
  p = p.replace(/^\//, '').replace(/\/$/, '');
  let body = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      // "**/" is any number of folders; a final "**" anything below.
      if (p[i + 2] === '/') {
        body += '(?:.*/)?';
        i += 2;
      } else {
        body += '.*';
        i += 1;
      }
    } else if (c === '*') body += '[^/]*';
    else if (c === '?') body += '[^/]';
    else body += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern matches the path itself or a folder above it (so "docs" ignores docs/a.md).
  re = new RegExp(`${anchored ? '^' : '(?:^|/)'}${body}(?:/.*)?$`, 'u');
  cache.set(pattern, re);
  return re;
}
