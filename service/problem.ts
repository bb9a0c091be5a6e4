// Errors as RFC 9457 problem details (application/problem+json), always with a human-readable detail.
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const problems = {
  badRequest: (detail: string) => new HttpProblem(400, 'Bad Request', detail),
  unauthorized: (detail: string) => new HttpProblem(401, 'Unauthorized', detail),
  forbidden: (detail: string) => new HttpProblem(403, 'Forbidden', detail),
  notFound: (detail: string) => new HttpProblem(404, 'Not Found', detail),
  conflict: (detail: string) => new HttpProblem(409, 'Conflict', detail),
  tooLarge: (detail: string) => new HttpProblem(413, 'Content Too Large', detail),
  unsupported: (detail: string) => new HttpProblem(415, 'Unsupported Media Type', detail),
  unprocessable: (detail: string) => new HttpProblem(422, 'Unprocessable Content', detail),
};

export function problemBody(status: number, title: string, detail: string, instance: string, extra = {}) {
  return { type: 'about:blank', title, status, detail, instance, ...extra };
}
