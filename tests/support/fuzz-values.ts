import fc from 'fast-check';

/**
 * Bad values for the fuzz suites (REST API, CSV import, server actions): wrong types, huge and
 * negative numbers, NaN/Infinity strings, unicode and control characters, SQL and HTML fragments,
 * invalid months, dates and UUIDs.
 */
export const NASTY_STRINGS = [
  'NaN', 'Infinity', '-Infinity', '+Infinity', '1e309', '-1e309', '1e-400', '-1', '-0', '0x1F', '0b101', '1_000', '1,2,3', '١٢٣', '１２３',
  '99999999999999999999999999', '2000000000.0001', '12.123456789', '', ' ', '\t', '\u0000', '\u0000abc', '\u202e\u0041', '\ud800', '😀'.repeat(50),
  "'; DROP TABLE \"Account\"; --", "' OR '1'='1", '1; SELECT pg_sleep(5)', '$1', '%s%n', '\\', '"', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '2026-13', '2026-00', '2026-02-30', '2025-02-29', '0000-01-01', '0099-12-31', '-2026-01-01', '2026-1-1', '26-01', '2026/03/01', '2026-03-01T00:00:00Z',
  '9999-12-31', '10000-01-01', 'today', 'null', 'undefined', 'true', '[]', '{}', '__proto__', 'constructor',
  // Control characters a person cannot type, and React's own reply markers (must come back as plain text).
  'a\u0001b', 'esc\u001b[31m', 'bell\u0007', 'del\u007f', 'line\nbreak', 'tab\there', '$K1', '$undefined', '$@0', '$Q0', '$$',
];

export const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 300 }));

export const nastyNumber = fc.oneof(
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 63, -(2 ** 31), 1e308, -1e308, 5e-324, 0, -0, 2_000_000_001, 0.1 + 0.2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [1, 2], { $gt: '' }, { value: 1 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

export const idArb = fc.oneof(
  fc.uuid(),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid', "1' OR '1'='1", '..%2F..%2Fetc', '%00', 'x'.repeat(5000), '-1', '0', '\u0000', 'A'.repeat(36)),
);

export const monthArb = fc.oneof(
  fc.constantFrom('2026-03', '2026-13', '2026-00', '0000-01', '99999-01', '2026-3', '2026-03-01', 'NaN', '-2026-01', '2026-03%00', "2026-03'--", '2026-03\u0000'),
  fc.string({ maxLength: 12 }),
);
