// Shared markup for fake-github's pages (sign-in, app registration and installation, the demo
// controls, the sinks): plain, self-contained HTML without scripts that reads well with a screen
// reader and follows the system's light or dark colours.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; background: Canvas; color: CanvasText; }
  main { max-width: 32rem; margin: 4rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
  p { line-height: 1.5; }
  .note { color: GrayText; font-size: 0.875rem; }
  ul { list-style: none; padding: 0; margin: 1.5rem 0; border: 1px solid GrayText; border-radius: 0.5rem; }
  li { display: flex; align-items: center; gap: 0.75rem; padding: 0.75rem 1rem; }
  li + li { border-top: 1px solid GrayText; }
  img { border-radius: 50%; flex: none; }
  .who { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  .who strong { overflow-wrap: anywhere; }
  .role { font-size: 0.875rem; color: GrayText; }
  button { font: inherit; padding: 0.45rem 0.9rem; border-radius: 0.375rem; border: 1px solid #1f6feb; background: #1f6feb; color: #fff; cursor: pointer; }
  button.secondary { background: transparent; color: CanvasText; border-color: GrayText; }
  button:focus-visible, a:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #f0883e; outline-offset: 2px; }
  main.wide { max-width: 60rem; }
  section { margin: 2rem 0; }
  h2 { font-size: 1.15rem; margin-bottom: 0.5rem; }
  label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
  select, input[type=text], textarea { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid GrayText; border-radius: 0.375rem; background: Canvas; color: CanvasText; width: 100%; box-sizing: border-box; }
  table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
  th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid GrayText; vertical-align: top; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8rem; margin: 0; }
  .status { padding: 0.5rem 0.75rem; border: 1px solid #1f6feb; border-radius: 0.375rem; }
`;

export function page(title: string, body: string, wide = false): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main${wide ? ' class="wide"' : ""}>
${body}
</main>
</body>
</html>
`;
}

