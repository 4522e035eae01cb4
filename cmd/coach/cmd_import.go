package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/coach-dev/coach/framework"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/importer"
	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

type importOptions struct {
	Dir    string
	Files  []string // resolved after -C
	Format string   // "" detects it from each file's extension
	Roles  string   // LEVEL=ROLE,...; "" is the default mapping
	Output string   // "" is matrix.toml at the repository's root; "-" is stdout
	Force  bool
}

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
			opts := importOptions{Dir: repoDir(c), Format: c.String("format"), Roles: strings.Join(c.StringSlice("roles"), ","),
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

func runImport(ctx context.Context, opts importOptions, stdout io.Writer, stderr *report) error {
	var roles map[int]string
	if opts.Roles != "" {
		var err error
		if roles, err = framework.ParseRoles(opts.Roles); err != nil {
			return usagef("%v", err)
		}
	}
	var (
		fws     []*framework.Framework
		sources []string
		format  = opts.Format
	)
	for _, file := range opts.Files {
		f := opts.Format
		if f == "" {
			if f = framework.DetectFormat(file); f == "" {
				return usagef("cannot tell the format of %s from its name; give --format monzo or --format csv", file)
			}
		}
		if format == "" {
			format = f
		} else if f != format {
			return usagef("%s is %s and another file is %s; import one format at a time", file, f, format)
		}
		src, err := importer.ReadFramework(file)
		if err != nil {
			return err
		}
		fw, err := framework.Parse(f, file, src)
		if err != nil {
			return err
		}
		fws = append(fws, fw)
		sources = append(sources, filepath.Base(file))
	}
	fw, err := framework.Merge(fws)
	if err != nil {
		return err
	}
	data, err := framework.Matrix(fw, framework.Options{Roles: roles, Sources: sources, Format: format})
	if err != nil {
		return usagef("%v", err)
	}
	_, problems := skills.DecodeMatrix(skills.MatrixFile, data)
	if problems.Errors() > 0 {
		return fmt.Errorf("the imported matrix is invalid (a bug in coach import): %w", &skills.ProblemsError{Problems: problems})
	}
	if opts.Output == "-" {
		_, err := stdout.Write(data)
		return err
	}
	file, shown := opts.Output, opts.Output
	if file == "" {
		root, err := skills.FindRoot(opts.Dir)
		if errors.Is(err, skills.ErrNotRepo) {
			root, err = opts.Dir, nil
		}
		if err != nil {
			return err
		}
		file, shown = filepath.Join(root, skills.MatrixFile), skills.MatrixFile
	}
	if files.InGitDir(file) {
		return &usageError{msg: fmt.Sprintf("%s is inside a .git directory, which is git's own", shown),
			hint: "write the matrix in the work tree"}
	}
	if err := importer.WriteMatrix(ctx, file, shown, data, opts.Force); err != nil {
		return err
	}
	stderr.Wrotef("wrote %s: %d skills, %d levels, %d roles; %d values marked %s are left to write (coach check lists them)",
		shown, len(fw.Skills), fw.Levels, framework.CountRoles(roles, fw), problems.Warnings(), skills.ImportTODO)
	// The editor schema lists the matrix's skills: a repository that keeps
	// one gets it rewritten with the matrix, or check calls it stale.
	if opts.Output == "" {
		schema := filepath.Join(filepath.Dir(file), filepath.FromSlash(skills.SchemaFile))
		if ok, err := files.Exists(schema); err != nil || !ok {
			return err
		}
		return runSchema(ctx, schemaOptions{Dir: filepath.Dir(file), Write: true}, stdout, stderr)
	}
	return nil
}
