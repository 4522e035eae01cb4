package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

type schemaOptions struct {
	Dir    string
	Write  bool
	Output string // a directory for every schema, resolved after -C
}

func newSchemaCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print or write the JSON Schemas of skill files and of every JSON output",
		Description: `schema prints the JSON Schema (draft 2020-12) of a skill file under this
repository's matrix: skill and role ids and the level range are enumerated,
so an editor that reads the "#:schema" line at the top of a skill file
(Taplo, Even Better TOML) completes them and marks a wrong one. With --write
it refreshes .coach/skill.schema.json, which coach init writes and
coach check keeps in step with the matrix.

With --output DIR it writes, beside skill.schema.json, the schema of every
--format json output: plans, agendas, history, diff and check.schema.json.
A relative DIR is read after -C, as git does.

Examples:
   coach schema --write
   coach schema > skill.schema.json
   coach schema --output schemas

Exit status: 0 ok, 1 the matrix has errors, 2 wrong usage.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "write", Usage: "write " + skills.SchemaFile + " instead of printing it"},
			&cli.StringFlag{Name: "output", Usage: "write every schema, the skill file's and each JSON output's, to `DIR`"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("schema takes no arguments")
			}
			opts := schemaOptions{Dir: repoDir(c), Write: c.Bool("write"), Output: c.String("output")}
			if opts.Write && opts.Output != "" {
				return usagef("give --write or --output, not both")
			}
			if opts.Output != "" {
				opts.Output = underDir(opts.Dir, opts.Output)
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
	if opts.Output != "" {
		if err := writeFileAtomic(filepath.Join(opts.Output, "skill.schema.json"), schema); err != nil {
			return fmt.Errorf("write skill.schema.json: %w", err)
		}
		for _, o := range outputs {
			name := o.key + ".schema.json"
			if err := writeFileAtomic(filepath.Join(opts.Output, name), outputSchema(o.key, o.title, o.typ)); err != nil {
				return fmt.Errorf("write %s: %w", name, err)
			}
		}
		fmt.Fprintf(stderr, "coach: wrote %d schemas to %s\n", len(outputs)+1, opts.Output)
		return nil
	}
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
