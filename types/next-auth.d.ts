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
  }
}
