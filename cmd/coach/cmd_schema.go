package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/coach-dev/coach/internal/files"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

type schemaOptions struct {
	Dir    string
	Write  bool
	Output string // a directory for every schema, resolved after -C
	Team   bool
}

func newSchemaCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print or write the JSON Schemas of skill files and of every JSON output",
		Description: `schema prints the JSON Schema (draft 2020-12) of a skill file under this
repository's matrix: skill and role ids and the level range are enumerated,
so an editor that reads the "#:schema" line at the top of a skill file
(Taplo, Even Better TOML) completes them and marks a wrong one. With --write
it refreshes .coach/skill.schema.json, which coach init writes and
coach check keeps in step with the matrix. With --team it prints instead the
JSON Schema of coach team --format json, which is the same for every
repository.

With --output DIR it writes, beside skill.schema.json, the schema of every
--format json output: plans, agendas, history, diff, check and
team.schema.json.
A relative DIR is read after -C, as git does.

Examples:
   coach schema --write
   coach schema > skill.schema.json
   coach schema --output schemas
   coach schema --team > team.schema.json

Exit status: 0 ok, 1 the matrix has errors, 2 wrong usage.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "write", Usage: "write " + skills.SchemaFile + " instead of printing it"},
			&cli.StringFlag{Name: "output", Usage: "write every schema, the skill file's and each JSON output's, to `DIR`"},
			&cli.BoolFlag{Name: "team", Usage: "print the JSON Schema of `coach team --format json`"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("schema takes no arguments")
			}
			opts := schemaOptions{Dir: repoDir(c), Write: c.Bool("write"), Output: c.String("output"), Team: c.Bool("team")}
			if opts.Write && opts.Output != "" {
				return usagef("give --write or --output, not both")
			}
			if opts.Team && (opts.Write || opts.Output != "") {
				return usagef("--team prints the team view's schema; it does not go with --write or --output")
			}
			if opts.Team {
				_, err := stdout.Write(plans.TeamSchema())
				return err
			}
			if opts.Output != "" {
				opts.Output = underDir(opts.Dir, opts.Output)
			}
			return runSchema(c.Context, opts, stdout, stderr)
		},
	}
}

func runSchema(ctx context.Context, opts schemaOptions, stdout io.Writer, stderr *report) error {
	t, err := loadTeamMatrix(opts.Dir)
	if err != nil {
		return err
	}
	schema := skills.Schema(t.Matrix)
	if opts.Output != "" {
		if err := writeSchemaFile(ctx, filepath.Join(opts.Output, "skill.schema.json"), schema); err != nil {
			return err
		}
		for _, o := range outputs {
			if err := writeSchemaFile(ctx, filepath.Join(opts.Output, o.key+".schema.json"), outputSchema(o.key, o.title, o.typ)); err != nil {
				return err
			}
		}
		if err := writeSchemaFile(ctx, filepath.Join(opts.Output, "team.schema.json"), plans.TeamSchema()); err != nil {
			return err
		}
		stderr.Wrotef("wrote %d schemas to %s", len(outputs)+2, opts.Output)
		return nil
	}
	if !opts.Write {
		_, err := stdout.Write(schema)
		return err
	}
	file := filepath.Join(t.Root, filepath.FromSlash(skills.SchemaFile))
	old, err := os.ReadFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err = files.Create(ctx, file, skills.SchemaFile, schema)
		if errors.Is(err, fs.ErrExist) {
			err = &files.NotReplacedError{Path: skills.SchemaFile, Why: "appeared while coach was writing it", Fix: "check it, then run `coach schema --write` again"}
		}
	case err != nil:
		return fmt.Errorf("read %s: %w", skills.SchemaFile, err)
	case bytes.Equal(old, schema):
		stderr.Wrotef("%s is up to date", skills.SchemaFile)
		return nil
	case !bytes.Contains(old, []byte(schemaMarker)):
		err = &files.NotReplacedError{Path: skills.SchemaFile, Why: "was not written by coach (it does not say " + schemaMarker + ")", Fix: "move it aside if coach should write the schema there"}
	default:
		err = files.Replace(ctx, file, skills.SchemaFile, old, schema, "coach schema --write")
	}
	if err != nil {
		return err
	}
	stderr.Wrotef("wrote %s", skills.SchemaFile)
	return nil
}

// writeSchemaFile writes one schema of --output DIR: a new file, or over a
// schema coach wrote (its $schema line and coach's JSON contract or skill
// file in its description); never over another file.
func writeSchemaFile(ctx context.Context, file string, data []byte) error {
	if files.InGitDir(file) {
		return &usageError{msg: fmt.Sprintf("--output %s is inside a .git directory, which is git's own", filepath.Dir(file)),
			hint: "give --output a directory of its own, for example --output schemas"}
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	ours := func(old []byte) bool {
		return bytes.Contains(old, []byte(`"$schema"`)) &&
			(bytes.Contains(old, []byte("coach's JSON contract")) || bytes.Contains(old, []byte(schemaMarker)))
	}
	return files.WriteOwned(ctx, file, data, ours, &files.NotReplacedError{Path: file, Why: "is not a schema coach wrote", Fix: "give --output a directory of its own"},
		"coach schema --output "+filepath.Dir(file))
}

// schemaMarker is in the description of every schema coach writes.
const schemaMarker = "Generated by `coach schema --write`"

// loadTeamMatrix loads the repository and requires its matrix to be valid.
func loadTeamMatrix(dir string) (*skills.Repo, error) {
	repo, err := workspace.Load(dir)
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
