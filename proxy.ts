import { withAuth } from 'next-auth/middleware';

// Signed-out visitors of the signed-in area go to sign-in (pages check membership themselves).
export default withAuth({ pages: { signIn: '/sign-in' } });

export const config = { matcher: ['/orgs/:path*'] };
