package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

type checkOptions struct {
	Dir    string
	Format string
}

func newCheckCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "validate the matrix, coach.toml and every skill file",
		Description: `check validates coach.toml, matrix.toml (or the built-in matrix when the
repository has none) and every skills/*.toml, and prints every problem in
every file as path:line:col: message, with the fix. Skills left out of a
person's [levels] are warnings ("not assessed"), not errors.

Examples:
   coach check
   coach -C team check --format json

Exit status: 0 when there are no errors (warnings alone are fine), 1 when any
file has an error, 2 on wrong usage.`,
		Flags: []cli.Flag{formatFlag("text", "json")},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("check takes no arguments; got %q", c.Args().First())
			}
			opts := checkOptions{Dir: repoDir(c), Format: c.String("format")}
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			return runCheck(opts, stdout, stderr)
		},
	}
}

// checkReport is the JSON form of a check.
type checkReport struct {
	Files    []string        `json:"files"`
	Errors   int             `json:"errors"`
	Warnings int             `json:"warnings"`
	Problems skills.Problems `json:"problems"`
}

func runCheck(opts checkOptions, stdout, stderr io.Writer) error {
	repo, err := loadRepo(opts.Dir)
	if err != nil {
		return err
	}
	ps := repo.Problems
	if opts.Format == "json" {
		report := checkReport{Files: repo.Files, Errors: ps.Errors(), Warnings: ps.Warnings(), Problems: ps}
		if report.Problems == nil {
			report.Problems = skills.Problems{}
		}
		if err := writeJSON(stdout, report); err != nil {
			return err
		}
	} else {
		for _, p := range ps {
			fmt.Fprintln(stderr, p)
		}
		matrix := "the built-in matrix"
		if repo.MatrixPath != "" {
			matrix = repo.MatrixPath
		}
		fmt.Fprintf(stderr, "coach: checked %d file(s) against %s: %d error(s), %d warning(s)\n",
			len(repo.Files), matrix, ps.Errors(), ps.Warnings())
	}
	if ps.Errors() > 0 {
		return errFindings
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
