import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { login: string; id: number; name: string; image: string | null };
  }
  interface User {
    login: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    login: string;
    githubId: number;
    /** Names this sign-in (sign-out puts it on the deny-list). */
    sid: string;
    /** Seconds since the epoch: the session ends 8 hours later. */
    signedInAt: number;
  }
}
