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

	"github.com/aymanbagabas/go-udiff"
	"github.com/coach-dev/coach/plans"
	"github.com/urfave/cli/v2"
)

type teamOptions struct {
	Dir    string
	Under  string
	Stdout bool
	Format string
	SVG    string
	Check  bool
	Staged bool
	Force  bool
	// Workers is how many plans are built at once; 0 means GOMAXPROCS.
	Workers int
}

func newTeamCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "team",
		Usage: "write the leader's view of the whole organisation to team.md",
		Description: `team writes team.md, the view of the organisation for its leaders: the org
tree (each skill file's manager, up to the [[leader]]s of coach.toml) with
each person's role, target and readiness verdict; bench and succession for
each role and who could step in for each manager; calibration across
managers, flagging one whose people sit more than 0.5 level from the bar
away from the others; flags (a promotion made below the new role's bar, an
assessment older than [team] review_cycle_days against the newest one,
overdue goals, no focus skill up since the plan started); mentoring pairs
for every focus skill, within [team] mentor_capacity, which each person's
plan names too; hiring gaps against [team.shape] and makers_per_pm; and a
heatmap of levels against each person's role.

team.md holds no private notes and no self-assessment of anyone (only each
manager's average self vs manager gap). Like a plan it depends only on the
files: no clock, no commit of its own; commit it with the change, and
--check in CI fails when it is stale (with --staged, in the pre-commit hook,
it reads what the next commit will hold). With --under ID it covers the tree
under that person or leader and writes team/ID.md.

Examples:
   coach team
   coach team --check              # in CI: exit 1 with a diff when team.md is stale
   coach team --check --staged     # in the pre-commit hook
   coach team --under sam-lee --stdout
   coach team --format json
   coach team --svg heatmap.svg

Exit status: 0 ok, 1 an invalid file, an unknown --under id or a stale
team.md (--check), 2 wrong usage.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "under", Usage: "only the tree under person or leader `ID`"},
			&cli.BoolFlag{Name: "stdout", Usage: "print the view instead of writing it"},
			formatFlag("md", "json"),
			&cli.StringFlag{Name: "svg", Usage: "also write the heatmap as an SVG image to `FILE`"},
			&cli.BoolFlag{Name: "check", Usage: "compare with the committed team.md; write nothing"},
			&cli.BoolFlag{Name: "staged", Usage: "with --check: read the files staged in the git index"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite a team.md that was edited by hand"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("team takes no arguments; use --under ID for part of the tree")
			}
			opts := teamOptions{Dir: repoDir(c), Under: c.String("under"), Stdout: c.Bool("stdout"), Format: c.String("format"),
				SVG: c.String("svg"), Check: c.Bool("check"), Staged: c.Bool("staged"), Force: c.Bool("force")}
			if err := checkFormat(opts.Format, "md", "json"); err != nil {
				return err
			}
			if opts.Staged && !opts.Check {
				return usagef("--staged reads the git index, which coach never writes; use it with --check")
			}
			if opts.Check && (opts.Stdout || opts.Force || opts.SVG != "" || opts.Format == "json") {
				return usagef("--check writes nothing; it does not go with --stdout, --force, --svg or --format json")
			}
			if opts.SVG != "" {
				opts.SVG = underDir(opts.Dir, opts.SVG)
			}
			return runTeam(c.Context, opts, stdout, stderr)
		},
	}
}

// buildTeam builds every valid person's plan and the team view of opts.Under.
func buildTeam(ctx context.Context, t *team, under string, stderr io.Writer) (*plans.Team, error) {
	people, err := t.people(nil, stderr)
	if err != nil {
		return nil, err
	}
	built, err := t.buildPlans(ctx, people, false)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*plans.Plan, len(people))
	for i, p := range people {
		byID[p.ID] = built[i].plan
	}
	return plans.BuildTeam(plans.TeamInput{Matrix: t.repo.Matrix, Config: t.repo.Config, People: people,
		Plans: byID, Index: t.teamIndex(), Under: under})
}

func runTeam(ctx context.Context, opts teamOptions, stdout, stderr io.Writer) error {
	t, err := loadTeamFrom(ctx, opts.Dir, opts.Staged, stderr)
	if err != nil {
		return err
	}
	defer t.cleanup()
	t.workers = opts.Workers
	if opts.SVG != "" {
		if in := coachPath(t.repo.Root, opts.SVG); in != "" {
			return &usageError{msg: fmt.Sprintf("--svg %s would write into %s, which coach reads or writes itself", opts.SVG, in),
				hint: "write the chart elsewhere, for example --svg team.svg"}
		}
	}
	view, err := buildTeam(ctx, t, opts.Under, stderr)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		if err := writeJSON(stdout, view.JSON()); err != nil {
			return err
		}
		return teamResult(t)
	}
	body, err := t.tmpl.Render("team.md.tmpl", view)
	if err != nil {
		return err
	}
	content := append([]byte(plans.TeamMarker()+"\n"), body...)
	path := plans.TeamPath(opts.Under)
	file := filepath.Join(t.repo.Root, filepath.FromSlash(path))
	switch {
	case opts.Check:
		old, err := os.ReadFile(file)
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "coach: %s is missing; run `coach team` and commit it\n", path)
			return errFindings
		}
		if err != nil {
			return err
		}
		if !bytes.Equal(old, content) {
			fmt.Fprintf(stdout, "%s", shown([]byte(udiff.Unified("a/"+path, "b/"+path, string(old), string(content)))))
			fmt.Fprintf(stderr, "coach: %s is stale; run `coach team` and commit it\n", path)
			return errFindings
		}
		return teamResult(t)
	case opts.Stdout:
		if _, err := stdout.Write(shown(content)); err != nil {
			return err
		}
	default:
		wrote, err := writeGenerated(ctx, file, path, content, plans.TeamMarker(), opts.Force, "team")
		if err != nil {
			return err
		}
		if wrote {
			fmt.Fprintf(stderr, "coach: wrote %s\n", path)
		} else {
			fmt.Fprintf(stderr, "coach: %s is up to date\n", path)
		}
	}
	if opts.SVG != "" {
		if err := writeChart(ctx, opts.SVG, view.SVG(), "coach team --svg "+opts.SVG); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "coach: wrote %s\n", opts.SVG)
	}
	return teamResult(t)
}

// teamResult is exit 1 when some person's file had errors (printed already,
// and left out of the view).
func teamResult(t *team) error {
	if t.problems {
		return errFindings
	}
	return nil
}
