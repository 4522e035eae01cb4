package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/jsonout"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
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
	Staged bool
	// Private prints the plan with the person's decrypted private notes to
	// the terminal, and writes nothing (cmd_notes.go).
	Private private
	// Workers is how many plans are built at once; 0 means GOMAXPROCS.
	Workers int
}

func newPlanCommand(stdout io.Writer, stderr *report) *cli.Command {
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

A plan depends only on what the commit holding it will contain: the matrix,
coach.toml, the templates, the skill file and the history of the skill file
before its latest change. Its "today" is the file's assessed date (else its
latest evidence), never the clock or a commit's date, so committing a skill
file with its plan, in any commit, merge, squash or rebase, keeps
--check green.

--check compares the committed plans with what they should be; with
--staged it reads the skill files and plans staged in the git index, what
the next commit will hold (the pre-commit hook), and with --format github it
writes each stale plan as a GitHub Actions annotation on stdout.

Every plan depends on the whole team (mentors, calibration, the org tree):
coach plan NAME also rewrites the other plans already written that the
change moves (a mentoring pair that ends or starts), and any plan written
rewrites team.md and the views under team/ once coach team made them, so
one command leaves nothing stale for --check. While any skill file has
errors no plan is written or checked: the errors are listed (as
annotations with --format github), and coach check says when
they are fixed. plan, agenda and team all work this way.

A repository's templates/plan.md.tmpl replaces the built-in template.

Examples:
   coach plan alice
   coach plan --all
   coach plan --all --check        # in CI: exit 1 with a diff when a plan is stale
   coach plan --all --check --staged
   coach plan alice --stdout
   coach plan alice --private      # with the private notes, on the terminal only

Exit status: 0 ok, 1 a skill file with errors, an unknown person, a stale
plan (--check) or a plan left alone (hand-edited, read-only, or changed
while coach wrote it; --all writes the others first), 2 wrong usage, 130
interrupted.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "all", Usage: "everyone with a skill file"},
			&cli.BoolFlag{Name: "stdout", Usage: "print the plan instead of writing it"},
			formatFlag("md", "json", "github"),
			&cli.BoolFlag{Name: "check", Usage: "compare with the committed plans; write nothing"},
			&cli.BoolFlag{Name: "staged", Usage: "with --check: read the files staged in the git index"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite a plan that was edited by hand"},
			&cli.BoolFlag{Name: "private", Usage: "print the plan with the private notes to the terminal; write nothing"},
			&cli.StringSliceFlag{Name: "identity", Aliases: []string{"i"}, Usage: "with --private: read your age identity from `FILE`"},
			&cli.BoolFlag{Name: "pipe", Usage: "with --private: print even when stdout is not a terminal"},
		},
		Action: func(c *cli.Context) error {
			opts := planOptions{Dir: repoDir(c), People: c.Args().Slice(), All: c.Bool("all"), Stdout: c.Bool("stdout"),
				Format: c.String("format"), Check: c.Bool("check"), Force: c.Bool("force"), Staged: c.Bool("staged"),
				Private: private{On: c.Bool("private"), Identities: c.StringSlice("identity"), Pipe: c.Bool("pipe")}}
			if err := opts.Private.usage(opts); err != nil {
				return err
			}
			if err := namesOrAll("plan", opts.People, opts.All); err != nil {
				return err
			}
			switch {
			case opts.Check && (opts.Stdout || opts.Force):
				return usagef("--check writes nothing; it does not go with --stdout or --force")
			case opts.Staged && !opts.Check:
				return usagef("--staged reads the git index, which coach never writes; use it with --check")
			case opts.Format == "github" && !opts.Check:
				return usagef("--format github reports stale plans; use it with --check")
			}
			if err := checkFormat(opts.Format, "md", "json", "github"); err != nil {
				return err
			}
			return runPlan(c.Context, opts, stdout, stderr)
		},
	}
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

// openPeople opens the workspace for a command about people, and resolves
// the people it was asked for: the names given, or everyone with all. The
// workspace must be closed when done.
func openPeople(ctx context.Context, opts workspace.Options, names []string, all bool, stderr *report) (*workspace.Workspace, []*skills.Person, error) {
	opts.History = true
	opts.Progress = newProgress(stderr)
	w, err := workspace.Open(ctx, opts)
	if err != nil {
		return nil, nil, err
	}
	if w.Unread != nil {
		stderr.Notef("progress from git is left out: %v", w.Unread)
	}
	if all {
		names = nil
	}
	people, err := w.People(names)
	if err != nil {
		w.Close()
	}
	return w, people, err
}

func runPlan(ctx context.Context, opts planOptions, stdout io.Writer, stderr *report) error {
	t, people, err := openPeople(ctx, workspace.Options{Dir: opts.Dir, Staged: opts.Staged, Workers: opts.Workers}, opts.People, opts.All, stderr)
	if err != nil {
		annotateInvalid(err, opts.Format, stdout)
		var invalid *workspace.InvalidError
		if opts.Format == "json" && errors.As(err, &invalid) {
			// No plan, and the errors that stopped them.
			if werr := jsonout.Write(stdout, jsonout.Plans{Version: jsonout.Version, Plans: []*plans.Plan{}, Errors: invalid.Problems}); werr != nil {
				return werr
			}
		}
		return err
	}
	defer t.Close()
	if opts.Private.On {
		return printPrivatePlans(t, people, opts.Private, stdout, stderr)
	}
	// A finding is said on stderr, or with --format github as an annotation
	// on stdout; a path is relative to the coaching root.
	finding := func(path string, line int, msg string) {
		if opts.Format == "github" {
			fmt.Fprintln(stdout, annotation(skills.Problem{Path: path, Line: line, Severity: skills.Error, Message: msg}, t.Prefix))
			return
		}
		stderr.Errorf("%s", msg)
	}
	// The diff of a stale plan goes to stdout, or with --format github to
	// stderr beside the annotations.
	diffs := io.Writer(stdout)
	if opts.Format == "github" {
		diffs = stderr
	}
	// again is the command that brings a plan up to date: with --all, the
	// one command for every plan, not one per person.
	again := func(id string) string {
		if opts.All {
			return "coach plan --all"
		}
		return "coach plan " + id
	}
	if opts.All && len(t.Repo.People) == 0 {
		stderr.Notef("no skill files in skills/ yet; add skills/NAME.toml first")
	}
	// Plans are built and rendered in parallel, then written in order: the
	// same bytes as one at a time. A plan that fails stops the run after
	// those before it are written, as one at a time would. They are built a
	// window at a time and each dropped once written (see workspace.EachPlan).
	var out []*plans.Plan
	var findings bool
	var kept []error // plans left alone, named once the others are written
	buildErr := t.EachPlan(ctx, people, opts.Format != "json", func(p *skills.Person, b workspace.BuiltPlan) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		pl, content := b.Plan, b.Content
		if opts.Format == "json" {
			out = append(out, pl)
			return nil
		}
		path := plans.PlanPath(p.ID)
		switch {
		case opts.Stdout:
			if _, err := stdout.Write(shown(content)); err != nil {
				return err
			}
		case opts.Check:
			// Edited by hand: coach plan alone would refuse to replace it,
			// so the finding names the command that does.
			diff, f, err := files.CheckGenerated(t.Repo, files.Generated{Path: path, Marker: plans.Marker(p.Path),
				Source: p.Path, Again: again(p.ID), Force: "coach plan " + p.ID + " --force"}, content)
			if diff != "" {
				if _, err := diffs.Write(shown([]byte(diff))); err != nil {
					return err
				}
			}
			if err != nil {
				return err
			}
			if f != nil {
				finding(f.Path, f.Line, f.Message)
				findings = true
			}
		default:
			wrote, err := files.WriteGenerated(ctx, t.Repo.Root, path, content, plans.Marker(p.Path), opts.Force, "plan "+p.ID)
			if files.LeftAlone(err) {
				kept = append(kept, err)
				return nil
			}
			if err != nil {
				return err
			}
			if wrote {
				stderr.Wrotef("wrote %s", path)
			} else {
				stderr.Wrotef("%s is up to date", path)
			}
		}
		return nil
	})
	if buildErr != nil {
		return buildErr
	}
	if !opts.All && !opts.Stdout && !opts.Check && opts.Format != "json" {
		// A plan depends on the whole team (a mentoring pair, a buddy):
		// the other plans already written that this change moves are
		// rewritten too, so that committing them keeps --check green.
		if err := refreshOthers(ctx, t, people, opts.Force, stderr, &kept); err != nil {
			return err
		}
	}
	if !opts.Stdout && !opts.Check && opts.Format != "json" {
		if err := refreshTeam(ctx, t, stderr, &kept); err != nil {
			return err
		}
	}
	for _, err := range kept {
		stderr.Errorf("%v", err)
		findings = true
	}
	if opts.Check && opts.All {
		orphans, err := t.OrphanPlans()
		if err != nil {
			return err
		}
		for _, o := range orphans {
			finding(o, 0, fmt.Sprintf("%s has no skill file; delete it, or restore skills/%s.toml", o, strings.TrimSuffix(filepath.Base(o), ".md")))
			findings = true
		}
	}
	if opts.Format == "json" {
		if out == nil {
			out = []*plans.Plan{}
		}
		if err := jsonout.Write(stdout, jsonout.Plans{Version: jsonout.Version, Plans: out, Errors: skills.Problems{}}); err != nil {
			return err
		}
	}
	if findings {
		return errFindings
	}
	return nil
}

// refreshOthers rewrites the plans of everyone not in named whose plan file
// exists and no longer matches what coach makes of the team: the plans a
// change to the named people moves. A plan edited by hand is left alone and
// added to kept.
func refreshOthers(ctx context.Context, t *workspace.Workspace, named []*skills.Person, force bool, stderr *report, kept *[]error) error {
	var others []*skills.Person
	for _, p := range t.Repo.People {
		if slices.Contains(named, p) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(t.Repo.Root, filepath.FromSlash(plans.PlanPath(p.ID)))); err == nil {
			others = append(others, p)
		}
	}
	if len(others) == 0 {
		return nil
	}
	return t.EachPlan(ctx, others, true, func(p *skills.Person, b workspace.BuiltPlan) error {
		path := plans.PlanPath(p.ID)
		wrote, err := files.WriteGenerated(ctx, t.Repo.Root, path, b.Content, plans.Marker(p.Path), force, "plan "+p.ID)
		if files.LeftAlone(err) {
			*kept = append(*kept, err)
			return nil
		}
		if err != nil {
			return err
		}
		if wrote {
			stderr.Wrotef("wrote %s too: it was stale against the team", path)
		}
		return nil
	})
}

// refreshTeam rewrites the team views already written (team.md and each
// team/ID.md) that the plans just written moved, so that committing them
// keeps coach team --check green. A view edited by hand is left alone, and
// added to kept: coach team --force is the one command that replaces it.
func refreshTeam(ctx context.Context, t *workspace.Workspace, stderr *report, kept *[]error) error {
	views, err := t.WrittenTeamViews(ctx)
	if err != nil {
		return err
	}
	for _, v := range views {
		wrote, err := files.WriteGenerated(ctx, t.Repo.Root, v.Path, v.Content, plans.TeamMarker(), false, "team")
		if files.LeftAlone(err) {
			*kept = append(*kept, err)
			continue
		}
		if err != nil {
			return err
		}
		if wrote {
			stderr.Wrotef("wrote %s too: it was stale against the team", v.Path)
		}
	}
	return nil
}
