/**
 * Compiled once per lexicon object: parsers are called on every message and must never compile
 * their vocabulary twice, yet a reloaded lexicon (content changed) gets its own compilation.
 */
export function perLexicon<K extends object, T>(compile: (lexicon: K) => T): (lexicon: K) => T {
  const cache = new WeakMap<K, T>();
  return (lexicon) => {
    const cached = cache.get(lexicon);
    if (cached !== undefined) return cached;
    const compiled = compile(lexicon);
    cache.set(lexicon, compiled);
    return compiled;
  };
}
