package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"github.com/coach-dev/coach/framework"
	"github.com/coach-dev/coach/internal/importer"
	"github.com/urfave/cli/v2"
)

func newImportCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "import a career framework (Monzo format or a CSV ladder) into matrix.toml",
		ArgsUsage: "FILE...",
		Description: `import turns a career framework the team already has into coach's skill
matrix: each topic or competency becomes a skill, the framework's levels
become the matrix's scale, each role is expected at the level it is mapped
to on every skill, and a level's criteria become the skill's descriptor for
that level.

Formats (default: from each file's extension, .md or .csv):
   monzo   a Markdown file with YAML front matter, as Monzo's
           progression-framework and its forks keep one per discipline:
           levels: N, and topics, each with a name and content of level and
           criteria (and exampleCriteria); any number of levels, any language
   csv     a spreadsheet saved as CSV, in one of two shapes told apart by
           the header: skill,level,criteria[,summary], a row per skill and
           level; or skill[,summary],ROLE,ROLE..., a row per skill with a
           column per role, most junior first, each cell what that role asks

--roles maps the framework's levels to role ids, like
--roles 1=apm,2=pm,3=senior-pm,4=gpm,5=director (the built-in ladder's
manager track, which completion offers). A role of coach's
built-in ladder keeps its name, persona emphasis and whether it leads
people. Without --roles each level is a role of its own: the CSV's column
names where it has them, else level-1, level-2 and so on.

What a framework does not say (a skill's summary, pillar and personas,
coaching questions, actions, resources, and for a new role whether it leads
people) is written as a value marked TODO(coach import): the matrix is
valid at once, plans can be made from it, and coach check lists every mark
as a warning, at its line, until it is written and the mark deleted.

import writes matrix.toml at the root of the coaching repository (or in the
current directory when there is none), as a new file. It replaces an
existing matrix.toml only with --force, or when it is still the built-in
matrix that coach init wrote, unedited. --output - prints it instead.

Examples:
   coach import frameworks/product.md --roles 1=apm,2=pm,3=senior-pm,4=gpm,5=director
   coach import ladder.csv --force
   coach import frameworks/product.md --output -

Exit status: 0 written, 1 a file that cannot be read (file:line:col, and
the fix) or a matrix.toml left alone, 2 wrong usage, 130 interrupted.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Usage: "the files' `FORMAT`: " + strings.Join(framework.Formats, ", ")},
			&cli.StringSliceFlag{Name: "roles", Usage: "map a level of the framework to a role id, `LEVEL=ROLE` (repeat it, or join with commas)"},
			&cli.StringFlag{Name: "output", Usage: "write the matrix to `FILE` (- for stdout)"},
			&cli.BoolFlag{Name: "force", Usage: "replace an existing matrix.toml"},
		},
		Action: func(c *cli.Context) error {
			opts := importer.Options{Dir: repoDir(c), Format: c.String("format"), Roles: strings.Join(c.StringSlice("roles"), ","),
				Output: c.String("output"), Force: c.Bool("force")}
			if c.NArg() == 0 {
				return usagef("import needs a FILE: a Monzo-format framework (.md) or a CSV ladder (.csv)")
			}
			if opts.Format != "" {
				if err := checkFormat(opts.Format, framework.Formats...); err != nil {
					return err
				}
			}
			for _, f := range c.Args().Slice() {
				opts.Files = append(opts.Files, underDir(opts.Dir, f))
			}
			if opts.Output != "" && opts.Output != "-" {
				opts.Output = underDir(opts.Dir, opts.Output)
			}
			return runImport(c.Context, opts, stdout, stderr)
		},
	}
}

func runImport(ctx context.Context, opts importer.Options, stdout io.Writer, stderr *report) error {
	res, err := importer.Import(ctx, opts)
	switch {
	case err != nil:
		return err
	case opts.Output == "-":
		_, err := stdout.Write(res.Data)
		return err
	}
	stderr.Wrotef("wrote %s: %s", res.Shown, res.Summary)
	// The editor schema lists the matrix's skills: a repository that keeps
	// one gets it rewritten with the matrix, or check calls it stale.
	if res.Schema {
		return runSchema(ctx, schemaOptions{Dir: filepath.Dir(res.File), Write: true}, stdout, stderr)
	}
	return nil
}
