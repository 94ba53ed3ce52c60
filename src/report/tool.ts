/** How mtlint names itself in reports that carry a tool description (SARIF, reviewdog). */
export const TOOL = {
  name: "mtlint",
  version: "0.1.0",
  informationUri: "https://www.npmjs.com/package/mtlint",
} as const;
