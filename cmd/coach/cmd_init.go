package main

import (
	"context"
	"fmt"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/workspace"
	"io"
	"os"

	"github.com/coach-dev/coach/plans"
	repoexample "github.com/coach-dev/coach/repo-example"
	"github.com/urfave/cli/v2"
)

type initOptions struct {
	Dir     string
	Example bool
}

func newInitCommand(stderr *report) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "make a coaching repository, or the example one with --example",
		ArgsUsage: "[DIR]",
		Description: `init makes a coaching repository in DIR (default: the current directory):
coach.toml, matrix.toml (the built-in skill matrix, to customise), skills/,
plans/, agendas/ and templates/, and a git repository when DIR is not in one.
It never overwrites a file that exists, and says what it made. DIR is
relative to -C, or absolute. It refuses a bare git repository and the inside
of a .git directory.

The CI workflow it writes installs this very coach (coach --version), so
that CI makes the same plans, when it is a release (vX.Y.Z); a build of a
commit or a checkout installs the latest release, with a warning.
coach_version in coach.toml pins another release.

With --example it makes the example team instead: eight product managers from
an APM to a Director under a leader declared in coach.toml, two of them managers
of the others, with goals, evidence and self-assessments, and six months of
git history with promotions, a renamed file, a reorganisation and two merged
pull requests, in a new git repository of its own, with everyone's plan,
team.md and the agendas of the last week of its history committed, so that its checks pass from the first
pull request. DIR must be new or empty. The same command always makes the
same commits.

Examples:
   coach init
   coach init --example team && cd team && coach check

Exit status: 0 when done, 2 when DIR cannot be used.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "example", Usage: "make the example team with its git history"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("init takes at most one directory; got %d arguments", c.NArg())
			}
			opts := initOptions{Dir: repoDir(c), Example: c.Bool("example")}
			if c.NArg() == 1 {
				opts.Dir = underDir(opts.Dir, c.Args().First())
			}
			return runInit(c.Context, opts, stderr)
		},
	}
}

// runInit makes the repository. What it made is said on stderr, as every
// other message of coach: init has no product for stdout.
func runInit(ctx context.Context, opts initOptions, stderr *report) error {
	if err := files.NotInGitDir(opts.Dir); err != nil {
		return err
	}
	gitRoot, err := files.EnclosingGitRepo(opts.Dir)
	if err != nil {
		return err
	}
	version, warning := workspace.WorkflowVersion(readBuild())
	if warning != "" {
		stderr.Warnf("%s", warning)
	}
	if opts.Example {
		return initExample(ctx, opts.Dir, gitRoot, version, stderr)
	}
	return workspace.Init(ctx, opts.Dir, gitRoot, version, stderr)
}

// initExample makes the example in a new git repository of its own, even
// inside another repository (as git init does): its history must be exactly
// the example's, and the enclosing repository is never touched.
func initExample(ctx context.Context, dir, gitRoot, version string, stderr *report) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	if len(entries) > 0 {
		return &usageError{msg: fmt.Sprintf("%s is not empty; init --example needs a new or empty directory", dir)}
	}
	last, err := repoexample.LastDate()
	if err != nil {
		return err
	}
	// The example is green from its first pull request: its plans, its
	// team.md and the agendas of the week of its last 1:1s are generated
	// and committed.
	week := plans.WeekOf(last)
	commits, files, err := repoexample.Create(ctx, dir, version, func(dir string) (string, error) {
		if err := runPlan(ctx, planOptions{Dir: dir, All: true, Format: "md"}, io.Discard, newReport(io.Discard)); err != nil {
			return "", fmt.Errorf("generate the example's plans: %w", err)
		}
		if err := runAgenda(ctx, agendaOptions{Dir: dir, All: true, Week: week, Format: "md"}, io.Discard, newReport(io.Discard)); err != nil {
			return "", fmt.Errorf("generate the example's agendas: %w", err)
		}
		if err := runTeam(ctx, teamOptions{Dir: dir, Format: "md"}, io.Discard, newReport(io.Discard)); err != nil {
			return "", fmt.Errorf("generate the example's team.md: %w", err)
		}
		return fmt.Sprintf("Generate everyone's plan, team.md and the %s agendas with coach", week), nil
	})
	if err != nil {
		return err
	}
	for _, f := range files {
		stderr.Wrotef("created %s", f.Path)
	}
	stderr.Wrotef("created plans/, team.md and agendas/ with everyone's plan, the team view and the %s agendas", week)
	stderr.Wrotef("created a git repository (branch main) with %d commits of example history", commits)
	if gitRoot != "" {
		stderr.Notef("%s has a git repository of its own, inside the one at %s", dir, gitRoot)
	}
	return nil
}
