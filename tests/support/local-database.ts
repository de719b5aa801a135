/** Tests drop and create databases: refuse anything but a server on this machine. */
export function assertLocalDatabase(connectionString: string): void {
  const host = new URL(connectionString).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}
