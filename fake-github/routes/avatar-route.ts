// `avatar_url` points here: a small deterministic SVG (initials on a colour from the id), since
// nothing here may fetch real avatars from the internet.

import { Hono } from "hono";
import type { FakeEnv, FakeState } from "../state";

function initials(login: string): string {
  const parts = login.split(/[-_.]/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]!.charAt(0) + parts[1]!.charAt(0) : login.slice(0, 2);
  return letters.toUpperCase();
}

export function avatarSvg(id: number, login: string | null): string {
  const hue = (id * 137) % 360;
  const text = login ? initials(login) : "?";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img" aria-label="${text}">
<rect width="128" height="128" fill="hsl(${hue} 55% 42%)"/>
<text x="64" y="64" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="52" font-weight="600" fill="#fff">${text}</text>
</svg>`;
}

export function avatarRoute(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();
  app.get("/avatars/u/:id{[0-9]+}", (c) => {
    const id = Number(c.req.param("id"));
    const login = state.world.users.get(id)?.login ?? state.world.orgById.get(id)?.login ?? null;
    return c.body(avatarSvg(id, login), 200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" });
  });
  return app;
}
