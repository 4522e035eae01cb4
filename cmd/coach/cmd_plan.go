package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aymanbagabas/go-udiff"
	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/coach-dev/coach/templates"
	"github.com/urfave/cli/v2"
)

type planOptions struct {
	Dir    string
	People []string
	All    bool
	Stdout bool
	Format string
	Check  bool
	Force  bool
}

func newPlanCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "plan",
		Usage:     "write individual development plans to plans/NAME.md",
		ArgsUsage: "NAME... | --all",
		Description: `plan computes a person's individual development plan from their skill file,
the matrix and their history in git, and writes it to plans/NAME.md: role and
target, readiness, the shifts of the move, focus skills (pinned ones first,
then ranked by gap weighted by the target role's persona emphasis) with why,
where they are, the next level, actions with their evidence and a coaching
question, skills to assess first, strengths and who they could mentor,
self-assessments that differ from the manager's, goals, and progress since
plan_start. [private] notes never reach a plan. The same inputs give the same
bytes; a plan file whose first line is no longer coach's marker was edited by
hand and is not overwritten without --force.

A repository's templates/plan.md.tmpl replaces the built-in template.

Examples:
   coach plan alice
   coach plan --all
   coach plan --all --check        # in CI: exit 1 with a diff when a plan is stale
   coach plan alice --stdout

Exit status: 0 ok, 1 an invalid or unknown person, a stale plan (--check) or
a plan left alone (hand-edited, read-only, or changed while coach wrote it;
--all writes the others first), 2 wrong usage, 130 interrupted.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "all", Usage: "everyone with a skill file"},
			&cli.BoolFlag{Name: "stdout", Usage: "print the plan instead of writing it"},
			formatFlag("md", "json"),
			&cli.BoolFlag{Name: "check", Usage: "compare with the committed plans; write nothing"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite a plan that was edited by hand"},
		},
		Action: func(c *cli.Context) error {
			opts := planOptions{Dir: repoDir(c), People: c.Args().Slice(), All: c.Bool("all"), Stdout: c.Bool("stdout"),
				Format: c.String("format"), Check: c.Bool("check"), Force: c.Bool("force")}
			if err := namesOrAll("plan", opts.People, opts.All); err != nil {
				return err
			}
			switch {
			case opts.Check && (opts.Stdout || opts.Force):
				return usagef("--check writes nothing; it does not go with --stdout or --force")
			}
			if err := checkFormat(opts.Format, "md", "json"); err != nil {
				return err
			}
			return runPlan(c.Context, opts, stdout, stderr)
		},
	}
}

// team is what every generating command needs: the repository, its history
// and its templates.
type team struct {
	repo     *skills.Repo
	history  []skills.Change
	tmpl     *templates.Set
	problems bool // some person's file or the matrix had errors, already printed
	index    *plans.TeamIndex
}

// loadRepo finds the repository holding dir and loads it.
func loadRepo(dir string) (*skills.Repo, error) {
	root, err := skills.FindRoot(dir)
	if err != nil {
		return nil, err
	}
	return skills.Load(root)
}

func loadTeam(ctx context.Context, dir string, stderr io.Writer) (*team, error) {
	repo, err := loadRepo(dir)
	if err != nil {
		return nil, err
	}
	root := repo.Root
	t := &team{repo: repo}
	// Errors in the matrix or coach.toml stop everything; a person's errors
	// stop only their output.
	var shared skills.Problems
	for _, p := range repo.Problems {
		if p.Severity == skills.Error && (p.Path == repo.MatrixPath || p.Path == skills.ConfigFile) {
			shared = append(shared, p)
		}
	}
	if len(shared) > 0 || repo.Matrix == nil {
		return nil, &skills.ProblemsError{Problems: shared}
	}
	res, err := history.ReadContext(ctx, root, history.Options{})
	switch {
	case errors.Is(err, history.ErrNotGit):
		// No git, no progress: plans say so.
	case err != nil:
		return nil, err
	default:
		t.history = res.Changes
	}
	var tmplFS fs.FS
	if fi, err := os.Stat(filepath.Join(root, templates.Dir)); err == nil && fi.IsDir() {
		tmplFS = os.DirFS(filepath.Join(root, templates.Dir))
	}
	if t.tmpl, err = templates.Load(tmplFS); err != nil {
		return nil, err
	}
	return t, nil
}

// people resolves the ids asked for (all when ids is empty), printing the
// problems of invalid files and leaving those people out.
func (t *team) people(ids []string, stderr io.Writer) ([]*skills.Person, error) {
	var chosen []*skills.Person
	if len(ids) == 0 {
		chosen = t.repo.People
	} else {
		for _, id := range ids {
			p, err := t.repo.Person(id)
			if err != nil {
				return nil, err
			}
			chosen = append(chosen, p)
		}
	}
	var valid []*skills.Person
	for _, p := range chosen {
		if err := t.repo.Valid(p); err != nil {
			var pe *skills.ProblemsError
			if errors.As(err, &pe) {
				for _, pr := range pe.Problems {
					fmt.Fprintln(stderr, pr)
				}
			}
			fmt.Fprintf(stderr, "coach: %s has errors; nothing was generated for %s\n", p.Path, p.ID)
			t.problems = true
			continue
		}
		valid = append(valid, p)
	}
	return valid, nil
}

// lastCommit is the date of a person's newest committed change: the date
// plans judge goals against, so that a plan changes only when the inputs do.
func lastCommit(changes []skills.Change) time.Time {
	var last time.Time
	for _, c := range changes {
		if c.Date.After(last) {
			last = c.Date
		}
	}
	if last.IsZero() {
		return last
	}
	y, m, d := last.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func (t *team) plan(p *skills.Person) (*plans.Plan, error) {
	own := history.ForPerson(t.history, p.ID)
	if t.index == nil {
		t.index = plans.IndexTeam(t.repo.Matrix, t.repo.Config, t.repo.People)
	}
	return plans.Build(plans.Input{Matrix: t.repo.Matrix, Config: t.repo.Config, Person: p, Team: t.repo.People,
		Index: t.index, History: own, AsOf: lastCommit(own)})
}

func (t *team) render(p *skills.Person, pl *plans.Plan) ([]byte, error) {
	body, err := t.tmpl.Render("plan.md.tmpl", pl)
	if err != nil {
		return nil, err
	}
	return append([]byte(plans.Marker(p.Path)+"\n"), body...), nil
}

// namesOrAll checks that a command was given people by name, or --all, and
// not both.
func namesOrAll(command string, names []string, all bool) error {
	switch {
	case all && len(names) > 0:
		return usagef("give NAMEs or --all, not both")
	case !all && len(names) == 0:
		return usagef("%s needs a NAME, or --all", command)
	}
	return nil
}

// loadPeople loads the team and the people a command was asked for: the
// names given, or everyone with all.
func loadPeople(ctx context.Context, dir string, names []string, all bool, stderr io.Writer) (*team, []*skills.Person, error) {
	t, err := loadTeam(ctx, dir, stderr)
	if err != nil {
		return nil, nil, err
	}
	if all {
		names = nil
	}
	people, err := t.people(names, stderr)
	return t, people, err
}

// writeOneOrMany writes one JSON object when one person was named, and an
// array for --all or several names.
func writeOneOrMany[T any](w io.Writer, items []T, one bool) error {
	if one && len(items) == 1 {
		return writeJSON(w, items[0])
	}
	if items == nil {
		items = []T{}
	}
	return writeJSON(w, items)
}

func runPlan(ctx context.Context, opts planOptions, stdout, stderr io.Writer) error {
	t, people, err := loadPeople(ctx, opts.Dir, opts.People, opts.All, stderr)
	if err != nil {
		return err
	}
	if opts.All && len(t.repo.People) == 0 {
		fmt.Fprintln(stderr, "coach: note: no skill files in skills/ yet; add skills/NAME.toml first")
	}
	var out []*plans.Plan
	var findings bool
	var kept []error // plans left alone, named once the others are written
	for _, p := range people {
		if err := ctx.Err(); err != nil {
			return err
		}
		pl, err := t.plan(p)
		if err != nil {
			return err
		}
		if opts.Format == "json" {
			out = append(out, pl)
			continue
		}
		content, err := t.render(p, pl)
		if err != nil {
			return err
		}
		path := plans.PlanPath(p.ID)
		file := filepath.Join(t.repo.Root, filepath.FromSlash(path))
		switch {
		case opts.Stdout:
			if _, err := stdout.Write(content); err != nil {
				return err
			}
		case opts.Check:
			old, err := os.ReadFile(file)
			if errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintf(stderr, "coach: %s is missing; run `coach plan %s` and commit it\n", path, p.ID)
				findings = true
				continue
			}
			if err != nil {
				return err
			}
			if !bytes.Equal(old, content) {
				fmt.Fprint(stdout, udiff.Unified("a/"+path, "b/"+path, string(old), string(content)))
				fmt.Fprintf(stderr, "coach: %s is stale; run `coach plan %s` and commit it\n", path, p.ID)
				findings = true
			}
		default:
			wrote, err := writeGenerated(ctx, file, path, content, plans.Marker(p.Path), opts.Force, "plan "+p.ID)
			if leftAlone(err) {
				kept = append(kept, err)
				continue
			}
			if err != nil {
				return err
			}
			if wrote {
				fmt.Fprintf(stderr, "coach: wrote %s\n", path)
			} else {
				fmt.Fprintf(stderr, "coach: %s is up to date\n", path)
			}
		}
	}
	for _, err := range kept {
		fmt.Fprintf(stderr, "coach: %v\n", err)
		findings = true
	}
	if opts.Check && opts.All {
		orphans, err := orphanPlans(t.repo)
		if err != nil {
			return err
		}
		for _, o := range orphans {
			fmt.Fprintf(stderr, "coach: %s has no skill file; delete it, or restore skills/%s.toml\n", o, strings.TrimSuffix(filepath.Base(o), ".md"))
			findings = true
		}
	}
	if opts.Format == "json" {
		if err := writeOneOrMany(stdout, out, !opts.All); err != nil {
			return err
		}
	}
	if findings || t.problems {
		return errFindings
	}
	return nil
}

// errHandEdited means a generated file lost its marker line.
type handEditedError struct{ path, command string }

func (e *handEditedError) Error() string {
	return fmt.Sprintf("%s was edited by hand (its first line is no longer coach's marker), so it was not overwritten; move your edits to the skill file, or run `coach %s --force` to replace it", e.path, e.command)
}

// writeGenerated writes a generated file atomically unless it is unchanged.
// A file whose first line is not the marker was edited by hand, and is only
// replaced with force. A file that appears or changes while coach writes it
// is left alone (see replaceFile).
func writeGenerated(ctx context.Context, file, path string, content []byte, marker string, force bool, command string) (bool, error) {
	old, err := os.ReadFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err := createFile(ctx, file, path, content)
		if errors.Is(err, fs.ErrExist) {
			if now, rerr := os.ReadFile(file); rerr == nil && bytes.Equal(now, content) {
				return false, nil // another coach run wrote the same plan
			}
			return false, &notReplacedError{path, "appeared while coach was writing it",
				fmt.Sprintf("check it, then run `coach %s` again", command)}
		}
		return err == nil, err
	case err != nil:
		return false, err
	case bytes.Equal(old, content):
		return false, nil
	case !force && !bytes.HasPrefix(old, []byte(marker+"\n")):
		return false, &handEditedError{path, command}
	}
	if err := replaceFile(ctx, file, path, old, content, "coach "+command); err != nil {
		return false, err
	}
	return true, nil
}

// orphanPlans lists plans/*.md whose person has no skill file.
func orphanPlans(repo *skills.Repo) ([]string, error) {
	matches, err := filepath.Glob(filepath.Join(repo.Root, "plans", "*.md"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range matches {
		id := strings.TrimSuffix(filepath.Base(m), ".md")
		if _, err := os.Stat(filepath.Join(repo.Root, skills.SkillsDir, id+".toml")); errors.Is(err, fs.ErrNotExist) {
			out = append(out, "plans/"+filepath.Base(m))
		}
	}
	return out, nil
}
