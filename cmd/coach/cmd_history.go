package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/jsonout"
	"io"
	"strings"
	"time"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/templates"
	"github.com/urfave/cli/v2"
)

type historyOptions struct {
	Dir          string
	Person       string
	All          bool
	Since, Until time.Time
	Skill        string
	Format       string
	Rev          string
	NoCache      bool
	SVG          string
}

func newHistoryCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name:      "history",
		Usage:     "a person's progress, read from the commits that changed their skill file",
		ArgsUsage: "NAME | --all",
		Description: `history lists every change to a person's skill file, newest first: levels
and self-assessments (old -> new), role and target changes, evidence and goals
added, with the date, commit, author and subject of the commit that made it.
It follows renames (alice.toml -> alice-smith.toml), reports a change that came
through a merged branch once, under the commit that made it, and says where a
shallow clone's history stops. Results are cached in .git/coach/.

Examples:
   coach history alice
   coach history alice --since 2026-09-01 --skill negotiation
   coach history --all --format json
   coach history alice --svg alice.svg

--svg never writes into the files coach reads or writes (coach.toml,
matrix.toml, skills/, templates/, .coach/, plans/, agendas/, .git/), nor
over a file that is not a chart coach drew.

Exit status: 0 ok (an empty history included), 1 an unknown person, not a
git repository, a damaged one, an object a partial clone has not fetched, a
sha256 repository, or an --svg FILE coach did not draw, 2 wrong usage or an
unknown revision, 130 interrupted.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "all", Usage: "everyone's history"},
			&cli.StringFlag{Name: "since", Usage: "only changes on or after `DATE` (YYYY-MM-DD)"},
			&cli.StringFlag{Name: "until", Usage: "only changes before `DATE` (YYYY-MM-DD)"},
			&cli.StringFlag{Name: "skill", Usage: "only changes to skill `ID`"},
			formatFlag("text", "md", "json"),
			&cli.StringFlag{Name: "rev", Usage: "read the history of `REV` instead of HEAD: a commit, branch or tag, with ~N, ^N or @{N} (v1.0, HEAD~3, main@{2})"},
			&cli.BoolFlag{Name: "no-cache", Usage: "read every commit; neither use nor update .git/coach/"},
			&cli.StringFlag{Name: "svg", Usage: "also write a chart of each skill's level over time to `FILE`"},
		},
		Action: func(c *cli.Context) error {
			opts := historyOptions{Dir: repoDir(c), All: c.Bool("all"), Skill: c.String("skill"),
				Format: c.String("format"), Rev: c.String("rev"), NoCache: c.Bool("no-cache"), SVG: c.String("svg")}
			switch {
			case opts.All && c.NArg() > 0:
				return usagef("give a NAME or --all, not both")
			case !opts.All && c.NArg() != 1:
				return usagef("history needs one NAME, or --all")
			case opts.All && opts.SVG != "":
				return usagef("--svg draws one person's chart; give a NAME")
			}
			opts.Person = c.Args().First()
			if opts.SVG != "" {
				opts.SVG = underDir(opts.Dir, opts.SVG)
			}
			if err := checkFormat(opts.Format, "text", "md", "json"); err != nil {
				return err
			}
			var err error
			if opts.Since, err = parseDate("since", c.String("since")); err != nil {
				return err
			}
			if opts.Until, err = parseDate("until", c.String("until")); err != nil {
				return err
			}
			if !opts.Since.IsZero() && !opts.Until.IsZero() && opts.Since.After(opts.Until) {
				return usagef("--since %s is after --until %s; give the earlier date to --since", c.String("since"), c.String("until"))
			}
			return runHistory(c.Context, opts, stdout, stderr)
		},
	}
}

func parseDate(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, usagef("--%s %q is not a date; write it as YYYY-MM-DD", flag, s)
	}
	return t, nil
}

func runHistory(ctx context.Context, opts historyOptions, stdout io.Writer, stderr *report) error {
	progress := newProgress(stderr)
	h, err := workspace.OpenHistory(opts.Dir, opts.Person, opts.Format == "json")
	if err != nil {
		return err
	}
	repo, m := h.Repo, h.Matrix
	if opts.SVG != "" {
		if in := workspace.CoachPath(repo.Root, opts.SVG); strings.HasSuffix(in, "/") {
			return &usageError{msg: fmt.Sprintf("--svg %s would write into %s, which coach reads or writes itself", opts.SVG, in),
				hint: fmt.Sprintf("write the chart elsewhere, for example --svg %s.svg", opts.Person)}
		} else if in != "" {
			return &usageError{msg: fmt.Sprintf("--svg %s would write over %s, which coach reads", opts.SVG, in),
				hint: fmt.Sprintf("write the chart elsewhere, for example --svg %s.svg", opts.Person)}
		}
	}
	// One person's history keeps only their changes (and the renames) from
	// the walk; --all keeps everyone's. Everyone's history as text or
	// Markdown is written as it is decoded, never held whole
	// (history.Options.Stream).
	stream := opts.All && opts.Format != "json"
	hopts := history.Options{Rev: opts.Rev, NoCache: opts.NoCache, Person: opts.Person, Stream: stream}
	res, err := h.Read(ctx, hopts, progress)
	if errors.Is(err, history.ErrRevision) {
		return &usageError{msg: err.Error(), hint: "name a branch, tag or commit that exists: git log --oneline"}
	}
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		stderr.Warnf("%s", w)
	}
	for _, n := range res.Notes {
		stderr.Notef("%s", n)
	}
	if stream {
		return writeStream(stdout, stderr, res, opts, h)
	}
	changes := res.Changes
	if !opts.All {
		if changes, err = h.Own(ctx, res, hopts, progress); err != nil {
			return err
		}
		if len(changes) == 0 && len(res.Notes) == 0 {
			stderr.Notef("skills/%s.toml has no commits yet; commit it to start the history", opts.Person)
		}
	} else if len(changes) == 0 && len(res.Notes) == 0 {
		stderr.Notef("no commit has changed a skill file yet")
	}
	changes = history.Between(changes, opts.Since, opts.Until)
	if err := h.CheckSkill(opts.Skill); err != nil {
		return err
	}
	if opts.Skill != "" {
		changes = history.Concerning(changes, opts.Skill)
	}
	if opts.SVG != "" {
		p, _ := repo.Person(opts.Person) // nil (left, or unreadable): drawn by id
		svg := templates.HistorySVG(p, history.ForPerson(res.Changes, opts.Person), m)
		if err := files.WriteChart(ctx, opts.SVG, svg, "coach history "+opts.Person+" --svg "+opts.SVG); err != nil {
			return err
		}
		stderr.Wrotef("wrote %s", opts.SVG)
	}
	switch opts.Format {
	case "json":
		return jsonout.WriteHistory(stdout, changes, repo, m)
	case "md":
		return templates.WriteHistoryMarkdown(stdout, changes, m, opts.All)
	}
	return templates.WriteHistory(stdout, changes, m, opts.All)
}

// writeStream writes everyone's history as text or Markdown, as
// runHistory does from a whole one, from the changes res.All decodes.
func writeStream(stdout io.Writer, stderr *report, res *history.Result, opts historyOptions, h *workspace.History) error {
	if len(res.Notes) == 0 {
		empty := true
		for range res.All() {
			empty = false
			break
		}
		if empty {
			stderr.Notef("no commit has changed a skill file yet")
		}
	}
	if err := h.CheckSkill(opts.Skill); err != nil {
		return err
	}
	changes := history.Select(res.All(), opts.Since, opts.Until, opts.Skill)
	if opts.Format == "md" {
		return templates.WriteHistoryMarkdownSeq(stdout, changes, h.Matrix, true)
	}
	return templates.WriteHistorySeq(stdout, changes, h.Matrix, true)
}
