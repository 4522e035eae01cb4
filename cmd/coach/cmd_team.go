package main

import (
	"context"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/jsonout"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
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

func newTeamCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name:  "team",
		Usage: "write the leader's view of the whole organisation to team.md",
		Description: `team writes team.md, the view of the organisation for its leaders: the org
tree (each skill file's manager, up to the [[leader]]s of coach.toml) with
each person's role, target and readiness verdict; bench and succession;
calibration across managers; how many follow-ups each manager has (their
detail is in that manager's 1:1 agendas and the calibration packet, never
in a file every manager reads); mentoring pairs for every focus skill,
within [team] mentor_capacity; hiring gaps against [team.shape]; and a
heatmap of levels against each person's role. It holds no private notes and
no self-assessment (only each manager's average self vs manager gap).

Like a plan it depends only on the files: no clock, no commit of its own;
commit it with the change, and --check in CI fails when it is stale (with
--staged, in the pre-commit hook, it reads what the next commit will hold;
with --format github each finding is an annotation on its line). With
--under ID it covers the tree under that person or leader and writes
team/ID.md; coach team then refreshes every team/ID.md with team.md.

Examples:
   coach team
   coach team --check              # in CI: exit 1 with a diff when team.md is stale
   coach team --check --format github
   coach team --check --staged     # in the pre-commit hook
   coach team --under sam-lee --stdout
   coach team --format json
   coach team --svg heatmap.svg

Exit status: 0 ok, 1 an invalid file, an unknown --under id, a view edited
by hand, or a stale or missing view (--check), 2 wrong usage.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "under", Usage: "only the tree under person or leader `ID`"},
			&cli.BoolFlag{Name: "stdout", Usage: "print the view instead of writing it"},
			formatFlag("md", "json", "github"),
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
			if err := checkFormat(opts.Format, "md", "json", "github"); err != nil {
				return err
			}
			if opts.Format == "github" && !opts.Check {
				return usagef("--format github reports a stale team.md; use it with --check")
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

func runTeam(ctx context.Context, opts teamOptions, stdout io.Writer, stderr *report) error {
	t, err := workspace.Open(ctx, workspace.Options{Dir: opts.Dir, Staged: opts.Staged, History: true,
		Progress: newProgress(stderr), Workers: opts.Workers})
	if err != nil {
		annotateInvalid(err, opts.Format, stdout)
		return err
	}
	defer t.Close()
	if opts.SVG != "" {
		if in := workspace.CoachPath(t.Repo.Root, opts.SVG); in != "" {
			return &usageError{msg: fmt.Sprintf("--svg %s would write into %s, which coach reads or writes itself", opts.SVG, in),
				hint: "write the chart elsewhere, for example --svg team.svg"}
		}
	}
	build, valid, err := t.TeamViews(ctx)
	if err != nil {
		return err
	}
	view, err := build(opts.Under)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		return jsonout.Write(stdout, view.JSON())
	}
	// A finding is said on stderr, or with --format github as an
	// annotation on stdout (and the diff on stderr).
	findings := false
	finding := func(path string, line int, msg string) {
		findings = true
		if opts.Format == "github" {
			fmt.Fprintln(stdout, annotation(skills.Problem{Path: path, Line: line, Severity: skills.Error, Message: msg}, t.Prefix))
			return
		}
		stderr.Errorf("%s", msg)
	}
	// The views to write or check: the one asked for, and with team.md
	// every view under one person written before.
	unders := []string{opts.Under}
	var orphans []string
	if opts.Under == "" && !opts.Stdout {
		var subs []string
		if subs, orphans, err = t.SubViews(valid); err != nil {
			return err
		}
		unders = append(unders, subs...)
	}
	var kept []error
	for _, under := range unders {
		v := view
		if under != opts.Under {
			if v, err = build(under); err != nil {
				return err
			}
		}
		content, err := t.RenderTeam(v)
		if err != nil {
			return err
		}
		if opts.Stdout {
			if _, err := stdout.Write(shown(content)); err != nil {
				return err
			}
			break
		}
		rel := plans.TeamPath(under)
		// What refreshes this view: coach team refreshes every view, so
		// it is the command to give unless one view was asked for.
		again, force := "coach team", "coach team --force"
		if under != "" {
			force = "coach team --under " + under + " --force"
		}
		if opts.Under != "" {
			again = "coach team --under " + opts.Under
		}
		if !opts.Check {
			wrote, err := files.WriteGenerated(ctx, t.Repo.Root, rel, content, plans.TeamMarker(), opts.Force, strings.TrimPrefix(strings.TrimSuffix(force, " --force"), "coach "))
			if files.LeftAlone(err) {
				kept = append(kept, err)
				continue
			}
			if err != nil {
				return err
			}
			if wrote {
				stderr.Wrotef("wrote %s", rel)
			} else {
				stderr.Wrotef("%s is up to date", rel)
			}
			continue
		}
		diffs := io.Writer(stdout)
		if opts.Format == "github" {
			diffs = stderr
		}
		diff, f, err := files.CheckGenerated(t.Repo, files.Generated{Path: rel, Marker: plans.TeamMarker(), Again: again, Force: force}, content)
		if diff != "" {
			if _, err := diffs.Write(shown([]byte(diff))); err != nil {
				return err
			}
		}
		if err != nil {
			return err
		}
		if f != nil && f.Missing && len(t.Repo.People) == 0 { // a repository as coach init made it
			stderr.Notef("no skill files in skills/ yet; %s comes with the first one", rel)
			continue
		}
		if f != nil {
			finding(f.Path, f.Line, f.Message)
		}
	}
	for _, o := range orphans {
		id := strings.TrimSuffix(path.Base(o), ".md")
		msg := fmt.Sprintf("%s is the view under %s, who is no longer a person or a leader; delete it", o, id)
		if opts.Check {
			finding(o, 0, msg)
		} else {
			stderr.Notef("%s", msg)
		}
	}
	for _, err := range kept {
		stderr.Errorf("%v", err)
		findings = true
	}
	if opts.SVG != "" {
		if err := files.WriteChart(ctx, opts.SVG, view.SVG(), "coach team --svg "+opts.SVG); err != nil {
			return err
		}
		stderr.Wrotef("wrote %s", opts.SVG)
	}
	if findings {
		return errFindings
	}
	return nil
}
