package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

type schemaOptions struct {
	Dir   string
	Write bool
	Team  bool
}

func newSchemaCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print or write the JSON Schema of skill files, for TOML editors",
		Description: `schema prints the JSON Schema (draft 2020-12) of a skill file under this
repository's matrix: skill and role ids and the level range are enumerated,
so an editor that reads the "#:schema" line at the top of a skill file
(Taplo, Even Better TOML) completes them and marks a wrong one. With --write
it refreshes .coach/skill.schema.json, which coach init writes and
coach check keeps in step with the matrix. With --team it prints instead the
JSON Schema of coach team --format json, which is the same for every
repository.

Examples:
   coach schema --write
   coach schema > skill.schema.json
   coach schema --team > team.schema.json

Exit status: 0 ok, 1 the matrix has errors, 2 wrong usage.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "write", Usage: "write " + skills.SchemaFile + " instead of printing it"},
			&cli.BoolFlag{Name: "team", Usage: "print the JSON Schema of `coach team --format json`"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("schema takes no arguments")
			}
			opts := schemaOptions{Dir: repoDir(c), Write: c.Bool("write"), Team: c.Bool("team")}
			if opts.Team && opts.Write {
				return usagef("--team prints the team view's schema; it does not go with --write")
			}
			if opts.Team {
				_, err := stdout.Write(plans.TeamSchema())
				return err
			}
			return runSchema(opts, stdout, stderr)
		},
	}
}

func runSchema(opts schemaOptions, stdout, stderr io.Writer) error {
	t, err := loadTeamMatrix(opts.Dir)
	if err != nil {
		return err
	}
	schema := skills.Schema(t.Matrix)
	if !opts.Write {
		_, err := stdout.Write(schema)
		return err
	}
	if err := writeFileAtomic(filepath.Join(t.Root, filepath.FromSlash(skills.SchemaFile)), schema); err != nil {
		return fmt.Errorf("write %s: %w", skills.SchemaFile, err)
	}
	fmt.Fprintf(stderr, "coach: wrote %s\n", skills.SchemaFile)
	return nil
}

// loadTeamMatrix loads the repository and requires its matrix to be valid.
func loadTeamMatrix(dir string) (*skills.Repo, error) {
	repo, err := loadRepo(dir)
	if err != nil {
		return nil, err
	}
	var bad skills.Problems
	for _, p := range repo.Problems {
		if p.Severity == skills.Error && p.Path == repo.MatrixPath {
			bad = append(bad, p)
		}
	}
	if len(bad) > 0 || repo.Matrix == nil {
		return nil, &skills.ProblemsError{Problems: bad}
	}
	return repo, nil
}
