import { ApiError } from "@/lib/contract/api-error";
import { errorResponse } from "@/lib/api/error-response";

// ANY /api/* that names no route — Grantdesk's JSON 404 (instead of the HTML not-found page), so every answer under /api has one shape
function noSuchRoute(req: Request): Response {
  return errorResponse(new ApiError("not_found", "No such API route: see README → API routes."), `${req.method} /api/*`);
}

export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
