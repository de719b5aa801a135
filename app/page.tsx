import { redirect } from 'next/navigation';
import { getCaller } from '@/lib/auth/caller';

export default async function Home() {
  redirect((await getCaller()) ? '/orgs' : '/sign-in');
}
