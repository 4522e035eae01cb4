package main

import (
	"fmt"
	"github.com/coach-dev/coach/internal/jsonout"
	"io"

	"github.com/coach-dev/coach/internal/feedback"
	"github.com/coach-dev/coach/internal/notes"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/urfave/cli/v2"
)

type checkOptions struct {
	Dir    string
	Format string
	Staged bool
}

func newCheckCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "validate the matrix, coach.toml and every skill file",
		Description: `check validates coach.toml, matrix.toml (or the built-in matrix when the
repository has none) and every skills/*.toml, and prints every problem in
every file as path:line:col: message, with the fix. Skills left out of a
person's [levels] are warnings ("not assessed"), not errors. So are private
notes committed in plain text in an earlier commit (named, with how to purge
it: they stay readable there), and notes still encrypted to a key that
coach.toml's [private] recipients no longer list (with how to re-encrypt).

With --staged it checks the files as they are staged in the git index, what
the next commit will hold, and not the working tree: the pre-commit hook runs
it. --format github writes each finding as a GitHub Actions annotation on
stdout, shown on the line of the pull request it is about.

Examples:
   coach check
   coach check --staged                # in a pre-commit hook
   coach check --format github         # in CI
   coach -C team check --format json

Exit status: 0 when there are no errors (warnings alone are fine), 1 when any
file has an error, 2 on wrong usage.`,
		Flags: []cli.Flag{
			formatFlag("text", "json", "github"),
			&cli.BoolFlag{Name: "staged", Usage: "check the files staged in the git index, not the working tree"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("check takes no arguments; got %q", c.Args().First())
			}
			opts := checkOptions{Dir: repoDir(c), Format: c.String("format"), Staged: c.Bool("staged")}
			if err := checkFormat(opts.Format, "text", "json", "github"); err != nil {
				return err
			}
			return runCheck(opts, stdout, stderr)
		},
	}
}

func runCheck(opts checkOptions, stdout io.Writer, stderr *report) error {
	c, err := workspace.Check(opts.Dir, opts.Staged, readBuild(), feedback.Problems)
	if err != nil {
		return err
	}
	repo, root, ps := c.Repo, c.Root, c.Problems
	if !opts.Staged {
		ps = append(ps, notes.PlainInHistory(repo.Root)...)
	}
	ps.Sort()
	switch opts.Format {
	case "github":
		prefix := workspace.GitPrefix(root)
		for _, p := range ps {
			fmt.Fprintln(stdout, annotation(p, prefix))
		}
		stderr.Wrotef("checked %d file(s): %d error(s), %d warning(s)", len(repo.Files), ps.Errors(), ps.Warnings())
	case "json":
		if err := jsonout.Write(stdout, jsonout.NewCheck(repo.Files, ps)); err != nil {
			return err
		}
	default:
		for _, p := range ps {
			stderr.Problem(p)
		}
		matrix := "the built-in matrix"
		if repo.MatrixPath != "" {
			matrix = repo.MatrixPath
		}
		stderr.Wrotef("checked %d file(s) against %s: %d error(s), %d warning(s)",
			len(repo.Files), matrix, ps.Errors(), ps.Warnings())
	}
	if ps.Errors() > 0 {
		return errFindings
	}
	return nil
}
