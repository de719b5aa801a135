/**
 * True when an error means the database cannot be reached or dropped the connection (stopped,
 * restarting, network cut, connections exhausted), as opposed to a fault in the request or the code.
 * Such a request is answered 503 with Retry-After: the app recovers by itself once PostgreSQL is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const { code, message, meta, cause } = current as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };
    if (typeof code === 'string' && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isPgUnavailableCode(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    const adapterCause = meta?.driverAdapterError?.cause as { kind?: unknown; code?: unknown } | undefined;
    if (adapterCause) {
      if (typeof adapterCause.kind === 'string' && ADAPTER_KINDS.has(adapterCause.kind)) return true;
      if (typeof adapterCause.code === 'string' && isPgUnavailableCode(adapterCause.code)) return true;
    }
    current = cause;
  }
  return false;
}

// Can't reach the server, timed out, closed the connection, pool timeout.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// pg's own errors when a connection dies under a query or a transaction.
const UNAVAILABLE_MESSAGE = /Connection terminated|not queryable|Client was closed|Connection ended unexpectedly|Can't reach database server|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode|not yet accepting connections)/i;

// SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, crash, cannot connect now), 53300 (too many connections).
function isPgUnavailableCode(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}
