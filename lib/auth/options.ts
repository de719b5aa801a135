import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { revokeSessions, verifyCredentials } from '@/lib/data/users';
import { clientIp } from '@/lib/http/client-ip';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; sessionVersion: number };
  }
  interface User {
    sessionVersion: number;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const user = await verifyCredentials({
          email: String(credentials?.email ?? ''),
          password: String(credentials?.password ?? ''),
          ip: clientIp(req?.headers ?? {}),
        });
        return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  events: {
    // Sessions are signed cookies; bumping the user's session version on sign-out makes a copy of
    // the old cookie worthless on its next request (it signs the user out on every device).
    async signOut({ token }) {
      if (token?.uid) await revokeSessions(token.uid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid ?? '', email: token.email ?? '', name: token.name ?? '', sessionVersion: token.sv ?? 0 };
      return session;
    },
  },
};
