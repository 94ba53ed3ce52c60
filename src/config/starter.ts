/** The commented config that `mtlint init` writes; tests check that it loads as it is. */
export const STARTER_CONFIG = `# mtlint configuration. Options given on the command line override these settings.
# Paths and globs below are relative to this file's folder.

# Language the text was translated from.
from: fr

# Built-in rule sets; set builtin to false to use only your own ruleFiles.
rulesets:
  builtin: true

# Turn a rule off, or change the severity it reports at: off, error, warning or info.
# \`mtlint rules\` lists the rule ids.
rules: {}
#  some-rule-id: off
#  another-rule-id: warning

# Your own rule files or folders, in the same YAML format as the built-in rules.
# Their examples are checked whenever they load.
ruleFiles: []
#  - mtlint-rules/

# Files and folders never checked (a glob without "/" matches in every folder).
ignore: []
#  - drafts/
#  - "*.generated.md"

# File type by glob, where the extension says otherwise: text, markdown or html.
types: {}
#  "*.htm.txt": html
`;
