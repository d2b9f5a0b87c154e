// URL state of an org's jobs page: the history's page and the job open in its panel (`?job=<uuid>`).

import { createLoader, createParser, type inferParserType } from "nuqs/server";
import { parseAsPositiveInteger } from "./pat-list";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A job's (and its audit batch's) id; anything else is no job. */
export const parseAsJobId = createParser<string>({
  parse: (value) => (UUID.test(value) ? value.toLowerCase() : null),
  serialize: (value) => value,
});

export const jobsSearchParams = {
  page: parseAsPositiveInteger(10_000).withDefault(1),
  job: parseAsJobId,
};

export const loadJobsSearchParams = createLoader(jobsSearchParams);

export type JobsParams = inferParserType<typeof jobsSearchParams>;
