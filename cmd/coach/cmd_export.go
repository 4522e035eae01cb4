package main

import (
	"bytes"
	"context"
	"io"
	"strings"

	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/plans"
	"github.com/urfave/cli/v2"
)

type exportOptions struct {
	Dir    string
	Format string
	Output string // "" is stdout; resolved after -C
}

func newExportCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "export the team's levels, expectations and readiness as CSV",
		Description: `export writes the whole team as CSV for the spreadsheets and HR systems
leaders already use: one row per person and skill, people by id and skills
in matrix order, with the columns

   person, name, role, manager, skill, skill_name, pillar,
   level, expected, gap, target, verdict

level is empty for a skill not assessed; expected is the bar of the
person's role; gap is level minus expected (negative below the bar);
verdict is the plan's readiness for the target role. Private notes and
self-assessments are never exported. A text cell a spreadsheet would run as
a formula (starting with =, +, -, @) is written after a '. The same files
give the same bytes.

With --output FILE it writes the file: a new one, or over a CSV that coach
export wrote; never over another file.

Examples:
   coach export --format csv > team.csv
   coach export --format csv --output reports/team.csv

Exit status: 0 ok, 1 a file with errors or an output file left alone, 2
wrong usage, 130 interrupted.`,
		Flags: []cli.Flag{
			formatFlag("csv"),
			&cli.StringFlag{Name: "output", Usage: "write the CSV to `FILE` instead of stdout"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("export takes no arguments; it exports the whole team")
			}
			opts := exportOptions{Dir: repoDir(c), Format: c.String("format"), Output: c.String("output")}
			if err := checkFormat(opts.Format, "csv"); err != nil {
				return err
			}
			if opts.Output != "" {
				opts.Output = underDir(opts.Dir, opts.Output)
			}
			return runExport(c.Context, opts, stdout, stderr)
		},
	}
}

func runExport(ctx context.Context, opts exportOptions, stdout io.Writer, stderr *report) error {
	t, people, err := openPeople(ctx, workspace.Options{Dir: opts.Dir}, nil, true, stderr)
	if err != nil {
		return err
	}
	defer t.Close()
	built, err := t.BuildPlans(ctx, people, false)
	if err != nil {
		return err
	}
	team := make([]*plans.Plan, len(built))
	for i, b := range built {
		team[i] = b.Plan
	}
	var out bytes.Buffer
	if err := plans.WriteCSV(&out, team); err != nil {
		return err
	}
	if opts.Output == "" {
		_, err := stdout.Write(out.Bytes())
		return err
	}
	if err := files.WriteExport(ctx, opts.Output, out.Bytes(), strings.Join(plans.ExportColumns, ",")); err != nil {
		return err
	}
	stderr.Wrotef("wrote %s: %d people", opts.Output, len(team))
	return nil
}
