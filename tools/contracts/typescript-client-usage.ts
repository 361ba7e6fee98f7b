// Compiled (never run) by `npm run typecheck:ts-client` against the typescript-fetch client that
// `./mvnw -Pclient-it` generates: the calls a front end makes must type-check as written here.
import {
  Configuration,
  ProgramsApi,
  type ProgramDetail,
  type ProgramPage,
  type ProgramPatch,
} from "../../target/generated-clients/typescript-fetch";

const programs = new ProgramsApi(new Configuration({ basePath: "http://localhost:8080" }));

export async function readThenWrite(slug: string, token: string): Promise<ProgramDetail> {
  const page: ProgramPage = await programs.listPrograms({ level: ["MANAGER"], limit: 20, facets: ["level"] });
  const first: string | undefined = page.items?.[0]?.slug ?? undefined;
  const got = await programs.getProgramRaw({ slug: first ?? slug });
  const detail: ProgramDetail = await got.value();
  const etag = got.raw.headers.get("ETag") ?? "";
  // Merge patch: null clears the description; lists not named stay as they are.
  const patch: ProgramPatch = { description: null };
  return programs.updateProgram({ slug: detail.slug ?? slug, ifMatch: etag, programPatch: patch },
    { headers: { Authorization: `Bearer ${token}` } });
}
